using Hub.Grains.PublicEvents;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>The public events' timelines in PostgreSQL; publications are rare, so each is one insert.</summary>
public sealed class PostgresUpdateLog(string connectionString) : IUpdateLog, IAsyncDisposable
{
    private const string Columns = "event_id, seq, statement_id, text, published_at, kind, corrects_statement_id, corrects_seq, rumour";

    private const string What = "the event timeline";

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(connectionString);

    public async Task<bool> Append(EventUpdate update)
    {
        await using var command = _database.CreateCommand(
            $"INSERT INTO hub_event_updates ({Columns}) VALUES (@e, @s, @st, @t, @at, @k, @cs, @cq, @r) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("e", update.EventId);
        command.Parameters.AddWithValue("s", update.Seq);
        command.Parameters.AddWithValue("st", update.StatementId);
        command.Parameters.AddWithValue("t", update.Text);
        command.Parameters.AddWithValue("at", update.PublishedAt.UtcDateTime);
        command.Parameters.AddWithValue("k", update.Kind);
        command.Parameters.AddWithValue("cs", (object?)update.CorrectsStatementId ?? DBNull.Value);
        command.Parameters.AddWithValue("cq", (object?)update.CorrectsSeq ?? DBNull.Value);
        command.Parameters.AddWithValue("r", (object?)update.Rumour ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync().AsUnavailable(What) == 1;
    }

    public async Task<IReadOnlyList<EventUpdate>> Read(string eventId)
    {
        await using var command = _database.CreateCommand($"SELECT {Columns} FROM hub_event_updates WHERE event_id = @e ORDER BY seq");
        command.Parameters.AddWithValue("e", eventId);
        return await ReadUpdates(command).AsUnavailable(What);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<IReadOnlyList<EventUpdate>> ReadUpdates(NpgsqlCommand command)
    {
        var updates = new List<EventUpdate>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            updates.Add(new EventUpdate(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        return updates;
    }
}
