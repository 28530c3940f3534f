using Hub.Grains.Conversations;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>
/// The message log in PostgreSQL. Appends from every conversation of this silo are
/// group-committed (see <see cref="BatchWriter{TItem, TResult}"/>).
/// </summary>
public sealed class PostgresMessageLog : IMessageLog, IAsyncDisposable
{
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
    private readonly BatchWriter<ChatMessage, bool> _appends;

    public PostgresMessageLog(string connectionString)
    {
        _database = NpgsqlDataSource.Create(connectionString);
        _appends = new BatchWriter<ChatMessage, bool>("messages", Insert);
    }

    public Task<bool> Append(ChatMessage message) => _appends.Write(message).AsUnavailable(What);

    public async Task<ChatMessage?> FindByClientId(string conversationId, string senderId, string clientMessageId)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {Columns} FROM hub_messages WHERE conversation_id = @c AND sender_id = @s AND client_message_id = @m");
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("s", senderId);
        command.Parameters.AddWithValue("m", clientMessageId);
        return (await ReadMessages(command).AsUnavailable(What)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ChatMessage>> Read(string conversationId, long afterSeq, int limit)
    {
        await using var command = _database.CreateCommand(
            $"SELECT {Columns} FROM hub_messages WHERE conversation_id = @c AND seq > @after ORDER BY seq LIMIT @limit");
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
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
        await _appends.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Inserts the batch in one statement; answers, for each message, whether it was stored.</summary>
    private async Task<IReadOnlyList<bool>> Insert(IReadOnlyList<ChatMessage> messages)
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
        return [.. messages.Select(m => stored.Contains((m.ConversationId, m.Seq)))];
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
