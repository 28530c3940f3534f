namespace Hub.Grains.Governance.Inspection;

/// <summary>A conversation waiting for a reply, as the account's indicators know it.</summary>
[GenerateSerializer, Immutable, Alias("hub.unanswered-wait")]
public sealed record UnansweredWait(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset Since);
