using System.Diagnostics;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>A redis-server of one test's own, so the test can take it away and bring it back.</summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(10);

    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> Start()
    {
        var server = new RedisServer(HubAppFactory.FreePort());
        await server.Restart();
        return server;
    }

    /// <summary>Starts it (again) on the same port, and returns once it accepts connections.</summary>
    public async Task Restart()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.BeginOutputReadLine();
        await ready.Task.WaitAsync(StartDeadline);
    }

    /// <summary>Kills it, as when the Redis host goes away.</summary>
    public void Stop()
    {
        _process?.Kill();
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
