using System.Net;
using Hub.LoadTests.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Hub.LoadTests.Agents;

/// <summary>Serves as an agent until the process is stopped, running the shares coordinators ask for.</summary>
public static class AgentCommand
{
    public const string Name = "agent";

    public const string DefaultListen = "http://127.0.0.1:5190";

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("--listen", "URL", $"where to listen for the coordinator (default {DefaultListen}, loopback only)"),
        new("--secret", "SECRET", $"run only for a coordinator with this secret (or set {AgentSecret.Variable}); required beyond loopback"),
    ];

    public static async Task<int> Run(Arguments arguments, CancellationToken cancellationToken)
    {
        ScenarioCommand.RejectUnknown(arguments, Options);
        var listen = new Uri(arguments.Value("--listen") ?? DefaultListen);
        var secret = AgentSecret.From(arguments);
        if (secret is null && !IsLoopback(listen))
        {
            throw new FormatException($"an agent listening on {listen.Host} would run loads for anyone: give it --secret");
        }
        await using var app = await AgentServer.Start(listen, secret);
        Console.WriteLine($"{AgentServer.ReadyLine}{app.Urls.First()}");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Passed;
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
}
