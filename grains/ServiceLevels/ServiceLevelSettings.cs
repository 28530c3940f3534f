using System.Globalization;
using Hub.Grains.Common;

namespace Hub.Grains.ServiceLevels;

/// <summary>
/// Service levels as supervisors write and read them: opening hours as "09:00-12:00", working
/// weekdays as ISO numbers (1 Monday to 7 Sunday), dates as "2026-10-01", targets in business
/// minutes. <see cref="ToPolicy"/> checks every part and refuses the whole on the first fault.
/// <see cref="LeaveMessagesOutsideHours"/> closes the account to live chats while the calendar is
/// closed; it is off unless a supervisor chooses it, so an account that never did takes live
/// chats at any hour as before.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.service-level-settings")]
public sealed record ServiceLevelSettings(
    [property: Id(0)] string? TimeZone,
    [property: Id(1)] IReadOnlyList<string>? Hours,
    [property: Id(2)] IReadOnlyList<int>? WorkingDays,
    [property: Id(3)] IReadOnlyList<string>? Holidays,
    [property: Id(4)] IReadOnlyList<string>? SwappedWorkdays,
    [property: Id(5)] int FirstResponseMinutes,
    [property: Id(6)] int ResolutionMinutes,
    [property: Id(20)] bool LeaveMessagesOutsideHours = false)
{
    public const int MaxHours = 6;

    /// <summary>Enough for several years of national holidays and their swapped days.</summary>
    public const int MaxDates = 500;

    public ServiceLevelPolicy ToPolicy()
    {
        var zone = BusinessCalendar.FindZone(TimeZone?.Trim())
            ?? throw RuleViolation.BadRequest($"unknown time zone '{TimeZone}'; use an IANA id such as {BusinessCalendar.DefaultTimeZone}");
        var hours = ParseHours();
        var workingDays = ParseWorkingDays();
        var holidays = ParseDates(Holidays, "holidays");
        var swapped = ParseDates(SwappedWorkdays, "swappedWorkdays");
        if (holidays.Intersect(swapped).ToList() is [var both, ..])
        {
            throw RuleViolation.BadRequest($"{ServiceLevelPolicy.Format(both)} is both a holiday and a swapped working day");
        }
        if (FirstResponseMinutes is < 1 or > ServiceTargets.MaxMinutes || ResolutionMinutes is < 1 or > ServiceTargets.MaxMinutes)
        {
            throw RuleViolation.BadRequest($"targets are 1 to {ServiceTargets.MaxMinutes} business minutes");
        }
        if (ResolutionMinutes < FirstResponseMinutes)
        {
            throw RuleViolation.BadRequest("the resolution target cannot be shorter than the first-response target");
        }
        return new ServiceLevelPolicy(
            new BusinessCalendar(zone.Id, hours, workingDays, holidays, swapped),
            new ServiceTargets(FirstResponseMinutes, ResolutionMinutes),
            LeaveMessagesOutsideHours);
    }

    private List<OpeningHours> ParseHours()
    {
        if (Hours is not { Count: > 0 and <= MaxHours })
        {
            throw RuleViolation.BadRequest($"give 1 to {MaxHours} opening hours, such as 09:00-12:00");
        }
        var hours = new List<OpeningHours>();
        foreach (var text in Hours)
        {
            var parsed = OpeningHours.Parse(text)
                ?? throw RuleViolation.BadRequest($"'{text}' is not opening hours such as 09:00-12:00");
            if (hours.FirstOrDefault(parsed.Overlaps) is { } other)
            {
                throw RuleViolation.BadRequest($"opening hours {parsed} and {other} overlap");
            }
            hours.Add(parsed);
        }
        return [.. hours.OrderBy(h => h.From)];
    }

    private List<DayOfWeek> ParseWorkingDays()
    {
        var days = WorkingDays ?? [];
        if (days.Count == 0 || days.Any(d => d is < 1 or > 7))
        {
            throw RuleViolation.BadRequest("working days are at least one of 1 (Monday) to 7 (Sunday)");
        }
        return [.. days.Distinct().Order().Select(d => (DayOfWeek)(d % 7))];
    }

    private static List<DateOnly> ParseDates(IReadOnlyList<string>? texts, string name)
    {
        texts ??= [];
        if (texts.Count > MaxDates)
        {
            throw RuleViolation.BadRequest($"at most {MaxDates} {name}");
        }
        var dates = new List<DateOnly>();
        foreach (var text in texts)
        {
            if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw RuleViolation.BadRequest($"'{text}' in {name} is not a date such as 2026-10-01");
            }
            dates.Add(date);
        }
        return [.. dates.Distinct().Order()];
    }
}
