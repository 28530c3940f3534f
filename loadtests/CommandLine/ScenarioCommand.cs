using Hub.LoadTests.Floor;
using Hub.LoadTests.Live;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Scenarios;
using Hub.LoadTests.Simulations;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.CommandLine;

/// <summary>Runs one scenario of the catalog against a hub, calibrated against the floor when asked.</summary>
public static class ScenarioCommand
{
    public static async Task<int> Run(ScenarioDefinition definition, Arguments arguments, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (target, settings, plan) = Prepare(definition, arguments, LoadShare.Whole);
        var plain = arguments.Has("--plain");

        var floorOutcome = arguments.Has("--calibrate") && plan.Floor is { } floorRun
            ? await RunFloor(floorRun, arguments, settings, plain, cancellationToken)
            : null;
        var runner = new LoadRunner(TimeProvider.System);
        using var stream = OtlpStream.From(arguments, definition.Name, target.Address.ToString(), settings.RefreshEvery);
        var outcome = await LiveView.Run(plain, show => runner.Run(plan.Runs, settings, stream?.Around(show) ?? show, cancellationToken));

        var report = new RunReport(definition.Name, target.Address.ToString(), RunPrinter.CommandLine(args), outcome.StartedAt,
            outcome.MeasuredSeconds, settings.WarmUp.TotalSeconds, Summaries(plan),
            outcome.Steps, outcome.Timeline, outcome.Thresholds, floorOutcome is null ? null : Calibrate(plan, outcome, floorOutcome));
        return RunPrinter.Finish(report, arguments);
    }

    /// <summary>Reads a scenario's command line into the hub, the run's settings and the plan, with the given share of the load.</summary>
    public static (HubTarget Target, RunSettings Settings, ScenarioPlan Plan) Prepare(ScenarioDefinition definition, Arguments arguments, LoadShare share)
    {
        RejectUnknown(arguments, [.. CommonOptions.All, .. definition.Options]);
        var target = new HubTarget(new Uri(arguments.Required("--target")), arguments.Required("--admin-user"), arguments.Required("--admin-pass"));
        var plan = definition.Build(arguments, target, LoadShape.From(arguments) with { Share = share });
        var shared = plan with { Runs = [.. plan.Runs.Select(run => run with { Simulations = [.. run.Simulations.Select(share.Of)] })] };
        return (target, Settings(arguments), shared);
    }

    public static IReadOnlyList<ScenarioPlanSummary> Summaries(ScenarioPlan plan) =>
        [.. plan.Runs.Select(r => new ScenarioPlanSummary(r.Scenario.Name, [.. r.Simulations.Select(s => s.ToString()!)]))];

    public static RunSettings Settings(Arguments arguments) =>
        new(arguments.Duration("--warmup", TimeSpan.FromSeconds(10)),
            [.. arguments.All("--threshold").Select(Threshold.Parse)],
            arguments.Duration("--refresh", TimeSpan.FromSeconds(3)),
            arguments.Duration("--drain", TimeSpan.FromSeconds(10)),
            arguments.Has("--connect-rate") ? arguments.Number("--connect-rate", 1) : null);

    public static void RejectUnknown(Arguments arguments, IReadOnlyList<OptionSpec> known)
    {
        var unknown = arguments.Names.Where(n => known.All(k => k.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"unknown option {string.Join(", ", unknown)}; see --help");
        }
    }

    private static async Task<RunOutcome> RunFloor(
        Func<Uri, ScenarioRun> floorRun, Arguments arguments, RunSettings settings, bool plain, CancellationToken cancellationToken)
    {
        Console.WriteLine("calibrating: the same pattern against a bare SignalR hub first");
        await using var floor = arguments.Value("--floor") is null ? await FloorProcess.Start(cancellationToken) : null;
        var address = floor?.Address ?? new Uri(arguments.Required("--floor"));
        var runner = new LoadRunner(TimeProvider.System);
        return await LiveView.Run(plain, show => runner.Run([floorRun(address)], settings with { Thresholds = [] }, show, cancellationToken));
    }

    private static Calibration Calibrate(ScenarioPlan plan, RunOutcome hub, RunOutcome floor)
    {
        StepSnapshot? Find(IReadOnlyList<StepSnapshot> steps, string name) => steps.FirstOrDefault(s => $"{s.Scenario}.{s.Step}" == name);
        var ratios = plan.Compare
            .Select(pair => (Hub: Find(hub.Steps, pair.HubStep), Floor: Find(floor.Steps, pair.FloorStep)))
            .Where(pair => pair.Hub is not null && pair.Floor is not null)
            .Select(pair => CalibrationRatio.Of(pair.Hub!, pair.Floor!));
        return new Calibration(floor.Steps, [.. ratios]);
    }
}
