namespace Hub.Grains.Conversations;

/// <summary>A stored message, in the contract's shape; <see cref="Seq"/> is gapless from 1.</summary>
[GenerateSerializer, Immutable, Alias("hub.chat-message")]
public sealed record ChatMessage(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string ClientMessageId,
    [property: Id(3)] string SenderId,
    [property: Id(4)] string SenderRole,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset SentAt);
