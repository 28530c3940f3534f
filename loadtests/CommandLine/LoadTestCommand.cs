using Hub.LoadTests.Agents;
using Hub.LoadTests.Scenarios;

namespace Hub.LoadTests.CommandLine;

/// <summary>Reads the command line and runs the command it names; answers the exit code.</summary>
public static class LoadTestCommand
{
    public static async Task<int> Run(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        try
        {
            if (args.Count > 0 && args[0] == CoordinatorCommand.Name)
            {
                // The coordinator's command line is a scenario's, so it is read after the word.
                return await CoordinatorCommand.Run([.. args.Skip(1)], cancellationToken);
            }
            var arguments = Arguments.Parse(args);
            if (arguments.Command is null or "help" || arguments.Has("--help") || arguments.Has("-h"))
            {
                Console.WriteLine(HelpText.Render());
                return arguments.Command is null && !arguments.Has("--help") && !arguments.Has("-h") ? ExitCodes.Usage : ExitCodes.Passed;
            }
            return arguments.Command switch
            {
                "floor" => await FloorCommand.Run(arguments),
                AgentCommand.Name => await AgentCommand.Run(arguments, cancellationToken),
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
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("stopped before the run was over");
            return ExitCodes.RunFailed;
        }
        catch (Exception error)
        {
            // Whatever went wrong (a hub that refuses its first connections, a socket reset, a
            // file limit reached), the runner says so and answers an exit code; it never crashes.
            await Console.Error.WriteLineAsync($"error: the run could not be made: {error.GetType().Name}: {error.Message}");
            return ExitCodes.RunFailed;
        }
    }
}
