namespace Hub.Grains.Conversations;

/// <summary>
/// The append-only store of conversation messages. The conversation grain decides each
/// message's seq; the log keeps messages without ever rewriting a conversation's history.
/// </summary>
public interface IMessageLog
{
    /// <summary>
    /// Stores the message durably. False when nothing was stored because the sender's client
    /// message id, or the seq, is already taken in that conversation.
    /// </summary>
    Task<bool> Append(ChatMessage message);

    Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId);

    /// <summary>The conversation's first <paramref name="limit"/> messages with seq greater than <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq, int limit);

    /// <summary>The highest stored seq of the conversation, 0 when it has none.</summary>
    Task<long> LastSeq(string conversationId);
}
