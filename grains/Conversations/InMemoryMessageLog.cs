using System.Collections.Concurrent;

namespace Hub.Grains.Conversations;

/// <summary>The message log of the embedded default: one process, kept in memory.</summary>
public sealed class InMemoryMessageLog : IMessageLog
{
    private readonly ConcurrentDictionary<string, List<ChatMessage>> _conversations = new();

    public Task<bool> Append(ChatMessage message)
    {
        var messages = _conversations.GetOrAdd(message.ConversationId, _ => []);
        lock (messages)
        {
            if (messages.Any(m => m.Seq == message.Seq || (m.SenderId == message.SenderId && m.ClientMessageId == message.ClientMessageId)))
            {
                return Task.FromResult(false);
            }
            messages.Add(message);
            return Task.FromResult(true);
        }
    }

    public Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId) =>
        Task.FromResult(Snapshot(conversationId).FirstOrDefault(m => m.SenderId == senderId && m.ClientMessageId == clientMessageId));

    public Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq) =>
        Task.FromResult<IReadOnlyList<ChatMessage>>([.. Snapshot(conversationId).Where(m => m.Seq > afterSeq).OrderBy(m => m.Seq)]);

    public Task<long> LastSeq(string conversationId) =>
        Task.FromResult(Snapshot(conversationId).Select(m => m.Seq).DefaultIfEmpty().Max());

    private List<ChatMessage> Snapshot(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var messages))
        {
            return [];
        }
        lock (messages)
        {
            return [.. messages];
        }
    }
}
