using System.Threading.Channels;
using Hub.Grains.Conversations;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>
/// The message log in PostgreSQL. Appends from every conversation of this silo are
/// group-committed: whatever arrives while one insert runs goes in the next, as one
/// statement, so a busy silo pays one round trip for many messages.
/// </summary>
public sealed class PostgresMessageLog : IMessageLog, IAsyncDisposable
{
    private const int MaxBatch = 1_000;
    private const string What = "the message log";

    private const string InsertBatch = """
        INSERT INTO hub_messages (conversation_id, seq, client_message_id, sender_id, sender_role, text, sent_at)
        SELECT * FROM unnest(@conversations::text[], @seqs::bigint[], @clientIds::text[], @senders::text[], @roles::text[],
                             @texts::text[], @sentAt::timestamptz[])
        ON CONFLICT DO NOTHING
        RETURNING conversation_id, seq
        """;

    private const string Columns = "conversation_id, seq, client_message_id, sender_id, sender_role, text, sent_at";

    private readonly NpgsqlDataSource _database;
    private readonly Channel<(ChatMessage Message, TaskCompletionSource<bool> Stored)> _pending =
        Channel.CreateUnbounded<(ChatMessage, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public PostgresMessageLog(string connectionString)
    {
        _database = NpgsqlDataSource.Create(connectionString);
        _writer = Task.Run(WriteBatches);
    }

    public async Task<bool> Append(ChatMessage message)
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((message, stored)))
        {
            stored.SetException(new ObjectDisposedException(nameof(PostgresMessageLog)));
        }
        return await stored.Task.AsUnavailable(What);
    }

    public async Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {Columns} FROM hub_messages WHERE conversation_id = @c AND sender_id = @s AND client_message_id = @m");
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("s", senderId);
        command.Parameters.AddWithValue("m", clientMessageId);
        return (await ReadMessages(command).AsUnavailable(What)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {Columns} FROM hub_messages WHERE conversation_id = @c AND seq > @after ORDER BY seq");
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("after", afterSeq);
        return await ReadMessages(command).AsUnavailable(What);
    }

    public async Task<long> LastSeq(string conversationId)
    {
        await using var command = _database.CreateCommand("SELECT coalesce(max(seq), 0) FROM hub_messages WHERE conversation_id = @c");
        command.Parameters.AddWithValue("c", conversationId);
        return (long)(await command.ExecuteScalarAsync().AsUnavailable(What))!;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
        await _database.DisposeAsync();
    }

    private async Task WriteBatches()
    {
        var batch = new List<(ChatMessage Message, TaskCompletionSource<bool> Stored)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                var stored = await Insert(batch.Select(b => b.Message).ToList());
                foreach (var (message, done) in batch)
                {
                    done.SetResult(stored.Contains((message.ConversationId, message.Seq)));
                }
            }
            catch (Exception failure)
            {
                foreach (var (_, done) in batch)
                {
                    done.SetException(failure);
                }
            }
            batch.Clear();
        }
    }

    /// <summary>Inserts the batch in one statement; answers which messages were stored.</summary>
    private async Task<HashSet<(string, long)>> Insert(IReadOnlyList<ChatMessage> messages)
    {
        await using var command = _database.CreateCommand(InsertBatch);
        command.Parameters.AddWithValue("conversations", messages.Select(m => m.ConversationId).ToArray());
        command.Parameters.AddWithValue("seqs", messages.Select(m => m.Seq).ToArray());
        command.Parameters.AddWithValue("clientIds", messages.Select(m => m.ClientMessageId).ToArray());
        command.Parameters.AddWithValue("senders", messages.Select(m => m.SenderId).ToArray());
        command.Parameters.AddWithValue("roles", messages.Select(m => m.SenderRole).ToArray());
        command.Parameters.AddWithValue("texts", messages.Select(m => m.Text).ToArray());
        command.Parameters.AddWithValue("sentAt", messages.Select(m => m.SentAt.UtcDateTime).ToArray());
        var stored = new HashSet<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return stored;
    }

    private static async Task<IReadOnlyList<ChatMessage>> ReadMessages(NpgsqlCommand command)
    {
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages.Add(new ChatMessage(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero)));
        }
        return messages;
    }
}
