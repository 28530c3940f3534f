namespace Hub.Grains.Governance.Inspection;

/// <summary>Something that happened in an account and moves its indicators; grains tell the account's indicators as it happens.</summary>
[GenerateSerializer, Immutable, Alias("hub.indicator-event")]
public sealed record IndicatorEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? ConversationId = null,
    [property: Id(3)] int? Score = null)
{
    public const string Update = "update";
    public const string CitizenMessage = "citizen-message";
    public const string StaffReply = "staff-reply";
    public const string Rating = "rating";
    public const string ClockBreach = "clock-breach";
    public const string ServiceLevelBreach = "service-level-breach";
    public const string Correction = "correction";
    public const string Moderation = "moderation";
}
