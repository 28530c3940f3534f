using System.Collections.Concurrent;

namespace Hub.Grains.Conversations;

/// <summary>The message log of the embedded default: one process, kept in memory.</summary>
public sealed class InMemoryMessageLog : IMessageLog
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new();

    public Task<bool> Append(ChatMessage message)
    {
        var conversation = _conversations.GetOrAdd(message.ConversationId, _ => new Conversation());
        lock (conversation)
        {
            // Its grain appends seqs in increasing order, so a seq not above the last is taken.
            var taken = message.Seq <= conversation.LastSeq
                || !conversation.ByClientId.TryAdd((message.SenderId, message.ClientMessageId), message);
            if (!taken)
            {
                conversation.Messages.Add(message);
            }
            return Task.FromResult(!taken);
        }
    }

    public Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId) =>
        Task.FromResult(WithConversation(conversationId, c => c.ByClientId.GetValueOrDefault((senderId, clientMessageId)), null));

    public Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq, int limit) =>
        Task.FromResult(WithConversation<IReadOnlyList<ChatMessage>>(conversationId,
            c => [.. c.Messages.SkipWhile(m => m.Seq <= afterSeq).Take(limit)], []));

    public Task<long> LastSeq(string conversationId) =>
        Task.FromResult(WithConversation(conversationId, c => c.LastSeq, 0L));

    private T WithConversation<T>(string conversationId, Func<Conversation, T> read, T none)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return none;
        }
        lock (conversation)
        {
            return read(conversation);
        }
    }

    private sealed class Conversation
    {
        public List<ChatMessage> Messages { get; } = [];
        public Dictionary<(string SenderId, string ClientMessageId), ChatMessage> ByClientId { get; } = [];
        public long LastSeq => Messages.Count == 0 ? 0 : Messages[^1].Seq;
    }
}
