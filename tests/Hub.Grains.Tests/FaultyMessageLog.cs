using System.Collections.Concurrent;
using Hub.Grains.Conversations;

namespace Hub.Grains.Tests;

/// <summary>A message log that fails the next append of chosen conversations, like a database that went away.</summary>
public sealed class FaultyMessageLog(IMessageLog inner) : IMessageLog
{
    private static readonly ConcurrentDictionary<string, bool> FailNextAppend = new();

    public static void FailNextAppendOf(string conversationId) => FailNextAppend[conversationId] = true;

    public Task<bool> Append(ChatMessage message) =>
        FailNextAppend.TryRemove(message.ConversationId, out _)
            ? throw new IOException($"the log refused a message of {message.ConversationId}")
            : inner.Append(message);

    public Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId) =>
        inner.FindByClientId(conversationId, senderId, clientMessageId);

    public Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq, int limit) => inner.Read(conversationId, afterSeq, limit);

    public Task<long> LastSeq(string conversationId) => inner.LastSeq(conversationId);
}
