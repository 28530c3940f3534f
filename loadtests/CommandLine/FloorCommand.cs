using Hub.LoadTests.Floor;
using Microsoft.Extensions.Hosting;

namespace Hub.LoadTests.CommandLine;

/// <summary>Serves the floor hub until the process is stopped.</summary>
public static class FloorCommand
{
    public static async Task<int> Run(Arguments arguments)
    {
        ScenarioCommand.RejectUnknown(arguments, [new OptionSpec("--urls", "URL", "where to listen")]);
        var address = new Uri(arguments.Value("--urls") ?? "http://127.0.0.1:5098");
        await using var app = await FloorServer.Start(address);
        Console.WriteLine($"{FloorServer.ReadyLine}{address}");
        await app.WaitForShutdownAsync();
        return ExitCodes.Passed;
    }
}
