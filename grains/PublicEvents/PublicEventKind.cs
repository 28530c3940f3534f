using Hub.Grains.Common;

namespace Hub.Grains.PublicEvents;

/// <summary>What a public event is: an incident to respond to, or a live session (Q&amp;A).</summary>
public static class PublicEventKind
{
    public const string Incident = "incident";
    public const string Live = "live";

    public static string Require(string? kind) =>
        kind is Incident or Live ? kind : throw RuleViolation.BadRequest("kind must be 'incident' or 'live'");
}

/// <summary>
/// The national emergency grades: 1 particularly serious (特别重大), 2 serious (重大),
/// 3 major (较大), 4 general (一般). Grades 1 and 2 publish only reviewed statements.
/// </summary>
public static class Severity
{
    public static int Require(int? severity) =>
        severity is >= 1 and <= 4 ? severity.Value : throw RuleViolation.BadRequest("severity must be 1 to 4");

    public static bool RequiresReview(int severity) => severity <= 2;
}

/// <summary>Where an event stands; only a closed event is final.</summary>
public static class PublicEventStatus
{
    public const string Open = "open";
    public const string Monitoring = "monitoring";
    public const string Closed = "closed";
}
