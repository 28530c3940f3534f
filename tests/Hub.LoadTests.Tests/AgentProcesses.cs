using System.Diagnostics;
using Hub.LoadTests.Agents;
using Hub.LoadTests.CommandLine;

namespace Hub.LoadTests.Tests;

/// <summary>
/// Load agents as an operator runs them on other machines: each the built runner in a process
/// of its own (here on loopback), listening on a free port, with a shared secret.
/// </summary>
public sealed class AgentProcesses : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly List<Process> _processes = [];

    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public static async Task<AgentProcesses> Start(int count, string secret)
    {
        var agents = new AgentProcesses();
        try
        {
            agents.Addresses = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => agents.StartOne(secret)));
            return agents;
        }
        catch
        {
            await agents.DisposeAsync();
            throw;
        }
    }

    private async Task<Uri> StartOne(string secret)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(LoadTestCommand).Assembly.Location);
        start.ArgumentList.Add(AgentCommand.Name);
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment[AgentSecret.Variable] = secret;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the agent did not start");
        lock (_processes)
        {
            _processes.Add(process);
        }
        using var deadline = new CancellationTokenSource(StartDeadline);
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(AgentServer.ReadyLine, StringComparison.Ordinal))
            {
                return new Uri(line[AgentServer.ReadyLine.Length..]);
            }
        }
        throw new InvalidOperationException("the agent ended before it listened");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
