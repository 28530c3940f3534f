using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>
/// Brings the database to the schema this build needs before the silo starts: it applies,
/// in name order, every embedded migration the database has not recorded yet. Processes
/// that start together take turns on an advisory lock, so each migration runs once.
/// </summary>
public sealed class SchemaMigrator(string connectionString, ILogger<SchemaMigrator> logger) : IHostedService
{
    // Any constant shared by every process of the hub; it names the lock, nothing more.
    private const long MigrationLock = 0x4855424d4947; // "HUBMIG"

    private const string ResourcePrefix = "migrations/";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", MigrationLock));
        await Execute(connection,
            "CREATE TABLE IF NOT EXISTS hub_schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);

        var applied = new HashSet<string>();
        await using (var read = new NpgsqlCommand("SELECT name FROM hub_schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var (name, script) in Migrations().Where(m => !applied.Contains(m.Name)))
        {
            logger.LogInformation("Applying database migration {Migration}", name);
            await Execute(connection, script, cancellationToken);
            await Execute(connection, "INSERT INTO hub_schema_migrations (name) VALUES (@name)", cancellationToken, ("name", name));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The migrations this build carries, in the order they apply.</summary>
    public static IEnumerable<(string Name, string Script)> Migrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]), reader.ReadToEnd());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
