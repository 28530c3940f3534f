using Hub.LoadTests.Agents;
using System.Text;
using Hub.LoadTests.Scenarios;
using Hub.LoadTests.Simulations;
using Hub.Web.Hosting.Overload;

namespace Hub.LoadTests.CommandLine;

/// <summary>What --help prints: commands, scenarios and their options, simulations and thresholds.</summary>
public static class HelpText
{
    /// <summary>Files a runner keeps for itself: its REST connections, the reports, the runtime's own.</summary>
    public const long ReservedFiles = 200;

    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("usage: dotnet run -c Release --project loadtests -- <command> [options]");
        text.AppendLine();
        text.AppendLine("commands:");
        foreach (var scenario in ScenarioCatalog.All)
        {
            text.AppendLine($"  {scenario.Name,-18} {scenario.Summary}");
        }
        text.AppendLine($"  {"floor",-18} serve a bare SignalR hub (no Orleans, no storage) at --urls URL");
        text.AppendLine($"  {"calibrate",-18} start the floor as a child process and measure echo and group fan-out on it");
        text.AppendLine($"  {AgentCommand.Name,-18} serve as an agent: run the shares of the load a coordinator asks for");
        text.AppendLine($"  {CoordinatorCommand.Name + " SCENARIO",-18} run SCENARIO on the --agent runners at once, each with its share of the copies");
        text.AppendLine($"  {"",-18} and rates; merge their histograms and counters into one report, thresholds on the merged figures");
        text.AppendLine();
        text.AppendLine("options of every scenario:");
        Options(text, CommonOptions.All);
        foreach (var scenario in ScenarioCatalog.All)
        {
            text.AppendLine($"options of {scenario.Name}:");
            Options(text, scenario.Options);
        }
        text.AppendLine($"options of {AgentCommand.Name}:");
        Options(text, AgentCommand.Options);
        text.AppendLine($"options of {CoordinatorCommand.Name} (besides the scenario's):");
        Options(text, CoordinatorCommand.Options);
        text.AppendLine("options of calibrate:");
        Options(text, CalibrateOptions.All);
        text.AppendLine("simulations (--load \"PHASE; PHASE; ...\"):");
        foreach (var phase in SimulationParser.Syntax.Split("; "))
        {
            text.AppendLine($"  {phase}");
        }
        text.AppendLine("  closed model: copies run iterations back to back; open model: iterations start at the rate,");
        text.AppendLine("  timed from when they were due. Durations: 500ms, 30s, 2m. Ramps start from the previous phase.");
        text.AppendLine();
        text.AppendLine("thresholds (--threshold \"[STEP:]METRIC OP VALUE\", latencies in ms):");
        text.AppendLine($"  metrics: {string.Join(", ", Thresholds.Threshold.Statistics)}, or a counter (lost, duplicated, out_of_order, ...)");
        text.AppendLine("  e.g. \"p99<200\" (every step), \"send:p99<200\", \"fail%<1\", \"lost=0\"");
        text.AppendLine("  checked at each refresh and at the end; one that fails at any check fails the run (exit code 1).");
        text.AppendLine();
        text.AppendLine("connections:");
        text.AppendLine("  each scenario's \"connect\" step counts opened connections and failures by cause: refused (the hub");
        text.AppendLine("  answered 503), reset, timeout, other; e.g. --threshold \"connect:refused=0\". A viewer costs one socket");
        text.AppendLine("  (WebSockets without negotiation), so one runner process opens at most about as many as its open-file limit:");
        text.AppendLine($"  {ConnectionBudget()}");
        return text.ToString();
    }

    /// <summary>What this machine lets one runner process open, from its open-file limit.</summary>
    public static string ConnectionBudget() => OpenFileLimit.Current() is { } files
        ? $"here the limit is {files:N0} open files, so about {Math.Max(0, files - ReservedFiles):N0} connections per process; run several processes for more"
        : "the open-file limit could not be read here (see ulimit -n)";

    private static void Options(StringBuilder text, IReadOnlyList<OptionSpec> options)
    {
        foreach (var option in options)
        {
            text.AppendLine($"  {$"{option.Name} {option.Value}".TrimEnd(),-26} {option.Description}");
        }
        text.AppendLine();
    }
}
