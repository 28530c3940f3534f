using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Scenarios;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Agents;

/// <summary>
/// Runs one scenario on several agents at once, each with its share of the load, then merges
/// their histograms and counters into one report and checks the thresholds on the merged figures.
/// </summary>
public static class CoordinatorCommand
{
    public const string Name = "coordinator";

    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("--agent", "URL", "an agent (see the agent command); repeat for each, at least one"),
        new("--secret", "SECRET", $"the agents' secret (or set {AgentSecret.Variable})"),
    ];

    /// <summary>Options that concern the coordinator alone and are not passed on to the agents.</summary>
    private static readonly IReadOnlySet<string> Kept = new HashSet<string> { "--agent", "--secret", "--threshold", "--report-dir", "--refresh" };

    /// <param name="args">The command line after "coordinator": the scenario, its options and the agents.</param>
    public static async Task<int> Run(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var definition = ScenarioCatalog.Find(arguments.Command ?? "")
            ?? throw new FormatException("the coordinator runs a scenario: coordinator SCENARIO --agent URL [--agent URL ...] [options]");
        ScenarioCommand.RejectUnknown(arguments, [.. CommonOptions.All, .. definition.Options, .. Options]);
        if (arguments.Has("--calibrate"))
        {
            throw new FormatException("--calibrate compares with a floor on one machine; calibrate without agents");
        }
        var agents = arguments.All("--agent").Select(a => new Uri(a)).ToList();
        if (agents.Count == 0)
        {
            throw new FormatException("--agent is required");
        }
        var thresholds = arguments.All("--threshold").Select(Threshold.Parse).ToList();
        var target = arguments.Required("--target");
        var warmUp = ScenarioCommand.Settings(arguments).WarmUp;

        Console.WriteLine($"{definition.Name}: {agents.Count} agents, each with its share of the load; waiting for their figures");
        using var client = new AgentClient(AgentSecret.From(arguments));
        var forwarded = Forwarded(args);
        var results = await Task.WhenAll(agents.Select((agent, i) =>
            client.Run(agent, new AgentRequest(forwarded, i, agents.Count), cancellationToken)));

        var merged = Merge(results);
        var measured = results.Max(r => r.MeasuredSeconds);
        var steps = merged.Snapshot(TimeSpan.FromSeconds(measured));
        var outcomes = new ThresholdMonitor(thresholds).CheckAtEnd(steps, measured);
        var scenarios = results.SelectMany((r, i) => r.Scenarios.Select(s => s with { Name = $"{s.Name} (agent {i + 1} of {agents.Count})" }));
        var report = new RunReport(definition.Name, target, RunPrinter.CommandLine([Name, .. args]), results.Min(r => r.StartedAt),
            measured, warmUp.TotalSeconds, [.. scenarios], steps, [], outcomes, null);
        return RunPrinter.Finish(report, arguments);
    }

    /// <summary>The agents' figures added up: counts and counters summed, histograms merged.</summary>
    public static Measurements Merge(IEnumerable<AgentResult> results)
    {
        var merged = new Measurements(TimeProvider.System);
        foreach (var tally in results.SelectMany(r => r.Steps))
        {
            merged.Add(tally);
        }
        return merged;
    }

    /// <summary>The scenario's command line as each agent runs it: without the options only the coordinator uses.</summary>
    private static string[] Forwarded(IReadOnlyList<string> args)
    {
        var forwarded = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (Kept.Contains(args[i]))
            {
                i++;
            }
            else if (args[i] != "--plain")
            {
                forwarded.Add(args[i]);
            }
        }
        return [.. forwarded];
    }
}
