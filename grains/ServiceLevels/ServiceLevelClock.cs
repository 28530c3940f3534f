namespace Hub.Grains.ServiceLevels;

/// <summary>
/// One service-level clock of a conversation. Its warning (at four fifths of the target) and
/// due time are fixed in business time when it starts, so a night or a holiday in between
/// moves them on; it warns once, records a breach at the due time, and stopping it later still
/// records when the work was done.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.service-level-clock")]
public sealed record ServiceLevelClock(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset WarnAt,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset? StoppedAt,
    [property: Id(6)] DateTimeOffset? WarnedAt,
    [property: Id(7)] DateTimeOffset? BreachedAt)
{
    /// <summary>From the start to the first message of staff.</summary>
    public const string FirstResponse = "firstResponse";

    /// <summary>From the start to the resolution.</summary>
    public const string Resolution = "resolution";

    public static readonly IReadOnlyList<string> Kinds = [FirstResponse, Resolution];

    public const string Running = "running";
    public const string Met = "met";
    public const string Breached = "breached";

    public const int WarningPercent = 80;

    public static ServiceLevelClock Start(string kind, DateTimeOffset at, TimeSpan target, BusinessCalendar calendar) =>
        new(kind, at, calendar.Add(at, target * WarningPercent / 100), calendar.Add(at, target), Running, null, null, null);

    public bool IsRunning => Status == Running;

    /// <summary>When this clock next has something to say; null once it has stopped or breached.</summary>
    public DateTimeOffset? NextCheck => !IsRunning ? null : WarnedAt is null ? WarnAt : DueAt;

    /// <summary>The clock at <paramref name="now"/>, and the percentages (80, 100) it passed since it was last looked at.</summary>
    public (ServiceLevelClock Clock, IReadOnlyList<int> Passed) Tick(DateTimeOffset now)
    {
        var clock = this;
        var passed = new List<int>();
        if (IsRunning && WarnedAt is null && now >= WarnAt)
        {
            clock = clock with { WarnedAt = now };
            passed.Add(WarningPercent);
        }
        if (IsRunning && now >= DueAt)
        {
            clock = clock with { Status = Breached, BreachedAt = DueAt };
            passed.Add(100);
        }
        return (clock, passed);
    }

    /// <summary>The work was done at <paramref name="at"/>: met when on time, a breach kept on record when late.</summary>
    public ServiceLevelClock Stop(DateTimeOffset at) =>
        StoppedAt is not null ? this
        : at <= DueAt ? this with { Status = Met, StoppedAt = at }
        : this with { Status = Breached, BreachedAt = BreachedAt ?? DueAt, StoppedAt = at };
}
