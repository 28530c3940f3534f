namespace Hub.Grains.Accounts;

/// <summary>A conversation asking its account for an agent.</summary>
[GenerateSerializer, Immutable, Alias("hub.routing-request")]
public sealed record RoutingRequest(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string CitizenId,
    [property: Id(2)] string Subject,
    [property: Id(3)] bool IsTransfer = false);

/// <summary>An agent given to a conversation by its account.</summary>
[GenerateSerializer, Immutable, Alias("hub.agent-assignment")]
public sealed record AgentAssignment(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string AgentId,
    [property: Id(2)] string AgentName);

/// <summary>
/// The answer to a routing request: an agent now, or a place in the queue; <see cref="LeftMessage"/>
/// when the account takes no live chats now, or it waits because nobody is on duty.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.routing-result")]
public sealed record RoutingResult(
    [property: Id(0)] AgentAssignment? Assignment,
    [property: Id(1)] int? QueuePosition,
    [property: Id(2)] bool LeftMessage = false);
