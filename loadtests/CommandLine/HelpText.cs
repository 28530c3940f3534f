using System.Text;
using Hub.LoadTests.Scenarios;
using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.CommandLine;

/// <summary>What --help prints: commands, scenarios and their options, simulations and thresholds.</summary>
public static class HelpText
{
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
        text.AppendLine();
        text.AppendLine("options of every scenario:");
        Options(text, CommonOptions.All);
        foreach (var scenario in ScenarioCatalog.All)
        {
            text.AppendLine($"options of {scenario.Name}:");
            Options(text, scenario.Options);
        }
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
        return text.ToString();
    }

    private static void Options(StringBuilder text, IReadOnlyList<OptionSpec> options)
    {
        foreach (var option in options)
        {
            text.AppendLine($"  {$"{option.Name} {option.Value}".TrimEnd(),-26} {option.Description}");
        }
        text.AppendLine();
    }
}
