namespace Hub.Grains.ServiceLevels;

/// <summary>
/// A conversation's clock passed four fifths of its target (<c>serviceLevelWarning</c>, to the
/// assigned agent) or its due time (<c>serviceLevelBreached</c>, to the account's supervisors).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.service-level-alert")]
public sealed record ServiceLevelAlert(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Clock,
    [property: Id(4)] DateTimeOffset DueAt,
    [property: Id(5)] string? AgentId,
    [property: Id(6)] DateTimeOffset At);
