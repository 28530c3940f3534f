namespace Hub.Grains.PublicEvents;

/// <summary>
/// One legal deadline of an incident, e.g. authoritative information within 5 hours. It
/// warns at half and four fifths of its window and records a breach when the due time
/// passes unmet; meeting it later is still recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.legal-clock")]
public sealed record LegalClock(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] DateTimeOffset DueAt,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset? MetAt,
    [property: Id(5)] DateTimeOffset? WarnedAt50,
    [property: Id(6)] DateTimeOffset? WarnedAt80,
    [property: Id(7)] DateTimeOffset? BreachedAt)
{
    public const string Information = "information";
    public const string PressConference = "pressConference";
    public const string Response = "response";

    public const string Pending = "pending";
    public const string Met = "met";
    public const string Breached = "breached";

    public static LegalClock Start(string name, DateTimeOffset openedAt, TimeSpan window) =>
        new(name, openedAt, openedAt + window, Pending, null, null, null, null);

    public bool IsRunning => Status == Pending;

    /// <summary>The clock at <paramref name="now"/>, and the thresholds (50, 80, 100 percent) it crossed since last looked at.</summary>
    public (LegalClock Clock, IReadOnlyList<int> Crossed) Tick(DateTimeOffset now)
    {
        if (!IsRunning)
        {
            return (this, []);
        }
        var clock = this;
        var crossed = new List<int>();
        if (clock.WarnedAt50 is null && now >= PointAt(0.5))
        {
            clock = clock with { WarnedAt50 = now };
            crossed.Add(50);
        }
        if (clock.WarnedAt80 is null && now >= PointAt(0.8))
        {
            clock = clock with { WarnedAt80 = now };
            crossed.Add(80);
        }
        if (now >= DueAt)
        {
            clock = clock with { Status = Breached, BreachedAt = now };
            crossed.Add(100);
        }
        return (clock, crossed);
    }

    /// <summary>Met at <paramref name="at"/>: on time before the due time, a recorded breach otherwise.</summary>
    public LegalClock Satisfy(DateTimeOffset at) =>
        MetAt is not null ? this
        : at <= DueAt ? this with { Status = Met, MetAt = at }
        : this with { Status = Breached, BreachedAt = BreachedAt ?? DueAt, MetAt = at };

    private DateTimeOffset PointAt(double fraction) => OpenedAt + (DueAt - OpenedAt) * fraction;
}
