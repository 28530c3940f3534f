using Hub.LoadTests.Scenarios;

namespace Hub.LoadTests.CommandLine;

/// <summary>Reads the command line and runs the command it names; answers the exit code.</summary>
public static class LoadTestCommand
{
    public static async Task<int> Run(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = Arguments.Parse(args);
            if (arguments.Command is null or "help" || arguments.Has("--help") || arguments.Has("-h"))
            {
                Console.WriteLine(HelpText.Render());
                return arguments.Command is null && !arguments.Has("--help") && !arguments.Has("-h") ? ExitCodes.Usage : ExitCodes.Passed;
            }
            return arguments.Command switch
            {
                "floor" => await FloorCommand.Run(arguments),
                "calibrate" => await CalibrateCommand.Run(arguments, args, cancellationToken),
                var name when ScenarioCatalog.Find(name) is { } definition =>
                    await ScenarioCommand.Run(definition, arguments, args, cancellationToken),
                var name => throw new FormatException($"unknown command '{name}'; see --help"),
            };
        }
        catch (FormatException error)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TimeoutException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: the run could not be made: {error.Message}");
            return ExitCodes.RunFailed;
        }
    }
}
