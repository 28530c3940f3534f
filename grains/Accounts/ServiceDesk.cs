using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Accounts;

/// <summary>An account's service desk as its supervisors see it: who waits, who serves with what load, how each open conversation stands against its service levels, the labels of open conversations, and how a citizen starting now is taken.</summary>
[GenerateSerializer, Immutable, Alias("hub.service-desk")]
public sealed record ServiceDesk(
    [property: Id(0)] string AccountId,
    [property: Id(1)] IReadOnlyList<WaitingConversation> Queue,
    [property: Id(2)] IReadOnlyList<AgentLoad> Agents,
    [property: Id(3)] IReadOnlyList<ConversationServiceLevel> ServiceLevels,
    [property: Id(20)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Labels = null,
    [property: Id(21)] Intake? Intake = null);

/// <summary>A conversation in the queue, first in line first.</summary>
[GenerateSerializer, Immutable, Alias("hub.waiting-conversation")]
public sealed record WaitingConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] int Position,
    [property: Id(2)] DateTimeOffset WaitingSince,
    [property: Id(3)] string Subject);

/// <summary>One agent: whether they take work, whether a node vouches for them, and what they hold.</summary>
[GenerateSerializer, Immutable, Alias("hub.agent-load")]
public sealed record AgentLoad(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool Available,
    [property: Id(3)] bool Present,
    [property: Id(4)] int Capacity,
    [property: Id(5)] IReadOnlyList<string> ConversationIds);
