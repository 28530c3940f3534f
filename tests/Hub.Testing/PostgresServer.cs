using System.Diagnostics;

namespace Hub.Testing;

/// <summary>
/// A PostgreSQL server of one test's own (Debian's binaries, a temporary directory, a free
/// port), so the test can stop it and start it again. Commits are synchronous, so a crash of
/// the server loses nothing it confirmed; fsync is off, since the machine itself does not
/// crash here. As root it runs as the postgres user, since initdb refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;

    private PostgresServer(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    private string Data => Path.Combine(_directory, "data");

    public static async Task<PostgresServer> Start()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run the tests with scripts/test.sh, which installs it");
        var directory = Directory.CreateTempSubdirectory("hub-postgres-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The server runs as the postgres user, who must be able to enter it.
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }
        var server = new PostgresServer(directory, bin, HubAppFactory.FreePort());
        await server.Run("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await server.Restart();
        return server;
    }

    /// <summary>Starts it (again) on the same port and returns once it accepts connections.</summary>
    public Task Restart() => Run("pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-o",
        $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops it at once, as a crash would.</summary>
    public Task Stop() => Run("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        await Stop();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task Run(string tool, params string[] arguments)
    {
        var command = Path.Combine(_bin, tool);
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", string.Join(' ', [Quote(command), .. arguments.Select(Quote)])])
            : new ProcessStartInfo(command, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !(tool == "pg_ctl" && arguments.Contains("stop")))
        {
            throw new InvalidOperationException($"{tool} failed: {await output}{await errors}");
        }
    }

    private static string Quote(string argument) => $"'{argument.Replace("'", "'\\''")}'";
}
