using Npgsql;

namespace Hub.Testing;

/// <summary>
/// A fresh database on the throwaway PostgreSQL server the Test command starts, so each test
/// sees an empty schema and leaves nothing behind for the others.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string ServerVariable = "HUB_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = $"hub_{Guid.NewGuid():N}";

    private TestDatabase(string server) => _server = server;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public static async Task<TestDatabase> Create()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL");
        var database = new TestDatabase(server);
        await database.OnServer($"CREATE DATABASE {database._name}");
        return database;
    }

    public async Task<long> Count(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServer($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task OnServer(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
