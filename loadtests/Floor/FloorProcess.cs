using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hub.LoadTests.Floor;

/// <summary>
/// The floor hub in a child process of this program, so it has a process of its own like the
/// hub under test and does not share the load generator's thread pool.
/// </summary>
public sealed class FloorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private FloorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FloorProcess> Start(CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) != "Hub.LoadTests")
        {
            // Run through the dotnet host (as under dotnet test): name our own assembly.
            start.FileName = self.EndsWith("dotnet", StringComparison.Ordinal) || self.EndsWith("dotnet.exe", StringComparison.Ordinal) ? self : "dotnet";
            start.ArgumentList.Add(typeof(FloorProcess).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }
        start.ArgumentList.Add("floor");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        var process = Process.Start(start) ?? throw new InvalidOperationException("the floor process did not start");
        var floor = new FloorProcess(process, address);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(StartDeadline);
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(FloorServer.ReadyLine, StringComparison.Ordinal))
                {
                    return floor;
                }
            }
            throw new InvalidOperationException("the floor process ended before it listened");
        }
        catch
        {
            await floor.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
