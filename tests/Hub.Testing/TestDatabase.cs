using System.Diagnostics;
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

    /// <summary>Backs the database up with pg_dump, as an operator would, into a custom-format file.</summary>
    public Task Dump(string file) => PostgresTool("pg_dump", "--format=custom", $"--file={file}", $"--dbname={_name}");

    /// <summary>A fresh database on the same server with a pg_dump file restored into it by pg_restore.</summary>
    public async Task<TestDatabase> Restored(string file)
    {
        var copy = new TestDatabase(_server);
        await copy.OnServer($"CREATE DATABASE {copy._name}");
        await copy.PostgresTool("pg_restore", "--no-owner", $"--dbname={copy._name}", file);
        return copy;
    }

    /// <summary>Runs one of the server's client tools against it (the Debian package keeps them beside the server).</summary>
    private async Task PostgresTool(string tool, params string[] arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(_server);
        var path = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).Order().LastOrDefault()
            ?? throw new InvalidOperationException($"{tool} is not installed");
        var start = new ProcessStartInfo(path) { RedirectStandardError = true };
        foreach (var argument in (string[])[$"--host={server.Host}", $"--port={server.Port}", $"--username={server.Username}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }
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
