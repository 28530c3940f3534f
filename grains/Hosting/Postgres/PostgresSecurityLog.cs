using Hub.Grains.Security;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>The security log in PostgreSQL: one insert per entry (they are rare), read newest first by account or overall.</summary>
public sealed class PostgresSecurityLog(string connectionString) : ISecurityLog, IAsyncDisposable
{
    private const string Columns = "at, kind, actor_id, actor_name, account_id, subject, client_address, detail";

    private const string What = "the security log";

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(connectionString);

    public async Task Append(SecurityEvent entry)
    {
        await using var command = _database.CreateCommand(
            $"INSERT INTO hub_security_log ({Columns}) VALUES (@at, @kind, @actor, @name, @account, @subject, @address, @detail)");
        command.Parameters.AddWithValue("at", entry.At.UtcDateTime);
        command.Parameters.AddWithValue("kind", entry.Kind);
        command.Parameters.AddWithValue("actor", entry.ActorId);
        command.Parameters.AddWithValue("name", entry.ActorName);
        command.Parameters.AddWithValue("account", (object?)entry.AccountId ?? DBNull.Value);
        command.Parameters.AddWithValue("subject", entry.Subject);
        command.Parameters.AddWithValue("address", (object?)entry.ClientAddress ?? DBNull.Value);
        command.Parameters.AddWithValue("detail", (object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync().AsUnavailable(What);
    }

    public async Task<IReadOnlyList<SecurityEvent>> Read(SecurityLogQuery query)
    {
        var conditions = new List<string>();
        await using var command = _database.CreateCommand();
        if (query.AccountIds is not null)
        {
            conditions.Add("account_id = ANY(@accounts)");
            command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = query.AccountIds.ToArray() });
        }
        if (query.Before is { } before)
        {
            conditions.Add("at < @before");
            command.Parameters.AddWithValue("before", before.UtcDateTime);
        }
        command.Parameters.AddWithValue("limit", query.Limit);
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT {Columns} FROM hub_security_log {where} ORDER BY at DESC, id DESC LIMIT @limit";
        return await ReadEntries(command).AsUnavailable(What);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<IReadOnlyList<SecurityEvent>> ReadEntries(NpgsqlCommand command)
    {
        var entries = new List<SecurityEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new SecurityEvent(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return entries;
    }
}
