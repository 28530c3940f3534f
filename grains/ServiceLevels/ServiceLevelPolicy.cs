namespace Hub.Grains.ServiceLevels;

/// <summary>
/// An account's service levels: its business calendar, its targets, and whether citizens leave
/// a message instead of starting a live chat while the calendar is closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.service-level-policy")]
public sealed record ServiceLevelPolicy(
    [property: Id(0)] BusinessCalendar Calendar,
    [property: Id(1)] ServiceTargets Targets,
    [property: Id(20)] bool LeaveMessagesOutsideHours = false)
{
    public static ServiceLevelPolicy Default { get; } = new(BusinessCalendar.Default, ServiceTargets.Default);

    /// <summary>The clocks of a conversation that starts at <paramref name="at"/>.</summary>
    public IReadOnlyList<ServiceLevelClock> StartClocks(DateTimeOffset at) =>
        [.. ServiceLevelClock.Kinds.Select(kind => ServiceLevelClock.Start(kind, at, Targets.For(kind), Calendar))];

    public ServiceLevelSettings ToSettings() => new(
        Calendar.TimeZone,
        [.. Calendar.Hours.Select(h => h.ToString())],
        [.. Calendar.WorkingDays.Select(IsoDay).Order()],
        [.. Calendar.Holidays.Order().Select(Format)],
        [.. Calendar.SwappedWorkdays.Order().Select(Format)],
        Targets.FirstResponseMinutes,
        Targets.ResolutionMinutes,
        LeaveMessagesOutsideHours);

    /// <summary>Whether a citizen starting at <paramref name="at"/> finds the account closed by its own hours.</summary>
    public bool ClosedByHours(DateTimeOffset at) => LeaveMessagesOutsideHours && !Calendar.IsOpen(at);

    /// <summary>Monday is 1 and Sunday 7, as ISO 8601 counts them.</summary>
    public static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
