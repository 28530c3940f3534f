namespace Hub.Grains.Conversations;

// The payloads of the conversation events clients receive; names in ClientEvents.

[GenerateSerializer, Immutable, Alias("hub.conversation-assigned")]
public sealed record ConversationAssigned(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string Subject,
    [property: Id(5)] string CitizenName,
    [property: Id(6)] string? TransferNote,
    [property: Id(7)] string? FromAccountId,
    [property: Id(8)] string? TransferReason = null);

[GenerateSerializer, Immutable, Alias("hub.conversation-status-changed")]
public sealed record ConversationStatusChanged(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string Status,
    [property: Id(2)] int? QueuePosition);

[GenerateSerializer, Immutable, Alias("hub.conversation-transferred")]
public sealed record ConversationTransferred(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string FromAccountId,
    [property: Id(2)] string ToAccountId,
    [property: Id(3)] string Note,
    [property: Id(4)] string ByAgentId,
    [property: Id(5)] string? Reason = null);

[GenerateSerializer, Immutable, Alias("hub.typing-changed")]
public sealed record TypingChanged(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Role,
    [property: Id(3)] bool IsTyping);

[GenerateSerializer, Immutable, Alias("hub.read-receipt")]
public sealed record ReadReceipt(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Role,
    [property: Id(3)] long Seq);

[GenerateSerializer, Immutable, Alias("hub.conversation-labels")]
public sealed record ConversationLabelsChanged(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] IReadOnlyList<string> Labels);

/// <summary>The citizen's rating of a resolved conversation, for the agent who served them.</summary>
[GenerateSerializer, Immutable, Alias("hub.conversation-rated")]
public sealed record ConversationRated(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] int Rating);
