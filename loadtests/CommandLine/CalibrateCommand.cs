using Hub.LoadTests.Floor;
using Hub.LoadTests.Live;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.CommandLine;

/// <summary>
/// Measures the transport floor of this machine: the echo round trip and group fan-out on a
/// bare SignalR hub, one after the other so they do not compete.
/// </summary>
public static class CalibrateCommand
{
    public static async Task<int> Run(Arguments arguments, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ScenarioCommand.RejectUnknown(arguments, CalibrateOptions.All);
        var duration = arguments.Duration("--duration", TimeSpan.FromSeconds(20));
        var settings = RunSettings.Default with { WarmUp = arguments.Duration("--warmup", TimeSpan.FromSeconds(5)) };
        var connections = arguments.Int("--connections", 20);
        var members = arguments.Int("--members", 100);
        var rate = arguments.Number("--rate", 10);
        var bytes = arguments.Int("--message-bytes", 100);
        var plain = arguments.Has("--plain");

        await using var floor = arguments.Value("--floor") is null ? await FloorProcess.Start(cancellationToken) : null;
        var address = floor?.Address ?? new Uri(arguments.Required("--floor"));
        ScenarioRun[] patterns =
        [
            new(new FloorEcho(address, connections, bytes), [new KeepConstant(connections, duration)]),
            new(new FloorFanout(address, members, bytes), [new Inject(rate, TimeSpan.FromSeconds(1), duration)]),
        ];
        var outcomes = new List<RunOutcome>();
        foreach (var pattern in patterns)
        {
            var runner = new LoadRunner(TimeProvider.System);
            outcomes.Add(await LiveView.Run(plain, show => runner.Run([pattern], settings, show, cancellationToken)));
        }
        var report = new RunReport("calibrate", address.ToString(), RunPrinter.CommandLine(args), outcomes[0].StartedAt,
            outcomes.Sum(o => o.MeasuredSeconds), settings.WarmUp.TotalSeconds,
            [.. patterns.Select(p => new ScenarioPlanSummary(p.Scenario.Name, [.. p.Simulations.Select(s => s.ToString()!)]))],
            [.. outcomes.SelectMany(o => o.Steps)], [.. outcomes.SelectMany(o => o.Timeline)], [], null);
        return RunPrinter.Finish(report, arguments);
    }
}
