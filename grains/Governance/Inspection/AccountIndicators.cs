namespace Hub.Grains.Governance.Inspection;

/// <summary>One account's indicators at <see cref="At"/>, and the flags its inspecting body's rules raise.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-indicators")]
public sealed record AccountIndicators(
    [property: Id(0)] string AccountId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] DateTimeOffset? LastUpdateAt,
    [property: Id(3)] int DaysSinceUpdate,
    [property: Id(4)] int UnansweredMessages,
    [property: Id(5)] DateTimeOffset? OldestUnansweredSince,
    [property: Id(6)] double? ReplyRateWithinTarget,
    [property: Id(7)] double? MedianFirstResponseMinutes,
    [property: Id(8)] double? Satisfaction,
    [property: Id(9)] int Ratings,
    [property: Id(10)] int ClockBreaches,
    [property: Id(11)] int ServiceLevelBreaches,
    [property: Id(12)] int Corrections,
    [property: Id(13)] int ModerationActions,
    [property: Id(14)] IReadOnlyList<string> Flags,
    [property: Id(15)] int Score);

/// <summary>The flags of inspection, from the mildest.</summary>
public static class InspectionFlags
{
    /// <summary>No update within the warning period (14 days by default).</summary>
    public const string NoUpdate = "no-update";

    /// <summary>No update for the longer period: inactive, proposed for closure.</summary>
    public const string Inactive = "inactive";

    /// <summary>A citizen message unanswered beyond the veto period (3 months by default): the account fails the inspection.</summary>
    public const string Veto = "veto";
}
