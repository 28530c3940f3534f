using System.Text;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Reports;

/// <summary>The plain-text summary, printed at the end of a run and kept as report.txt.</summary>
public static class TextReport
{
    public static string Render(RunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"{report.Title} against {report.Target}");
        text.AppendLine($"started {report.StartedAt:u}, measured {Format.Number(report.MeasuredSeconds)} s after a {Format.Number(report.WarmUpSeconds)} s warm-up");
        text.AppendLine($"command: {report.Command}");
        foreach (var scenario in report.Scenarios)
        {
            text.AppendLine($"scenario {scenario.Name}: {string.Join("; ", scenario.Simulations)}");
        }
        text.AppendLine();
        foreach (var step in report.Steps)
        {
            AppendStep(text, step);
        }
        if (report.Calibration is { } calibration)
        {
            text.AppendLine("calibration against the bare SignalR floor (same machine, same run):");
            foreach (var step in calibration.FloorSteps)
            {
                AppendStep(text, step);
            }
            foreach (var ratio in calibration.Ratios)
            {
                text.AppendLine($"  {ratio.HubStep} vs {ratio.FloorStep}: throughput {Format.Ratio(ratio.RpsRatio)} of the floor, "
                    + $"p50 {Format.Ratio(ratio.P50Ratio)}, p99 {Format.Ratio(ratio.P99Ratio)} the floor's");
            }
            text.AppendLine();
        }
        foreach (var outcome in report.Thresholds)
        {
            var when = outcome.FirstFailedAtSeconds is { } at ? $" (first failed at {Format.Number(at)} s)" : "";
            text.AppendLine($"threshold {outcome.Threshold.Text}: {(outcome.Passed ? "passed" : "FAILED")} — {outcome.Detail}{when}");
        }
        text.AppendLine(report.Passed ? "result: passed" : "result: FAILED");
        return text.ToString();
    }

    private static void AppendStep(StringBuilder text, StepSnapshot step)
    {
        var l = step.Latency;
        text.AppendLine($"{step.Scenario}.{step.Step}: ok {step.Ok}, fail {step.Fail} ({Format.Number(step.FailPercent)}%), {Format.Number(step.Rps)} rps, data {Format.Bytes(step.Bytes)}");
        text.AppendLine($"  latency ms: min {Format.Ms(l.Min)}, mean {Format.Ms(l.Mean)}, max {Format.Ms(l.Max)}, stddev {Format.Ms(l.StdDev)}");
        text.AppendLine($"  p50 {Format.Ms(l.P50)}, p75 {Format.Ms(l.P75)}, p95 {Format.Ms(l.P95)}, p99 {Format.Ms(l.P99)}, p99.9 {Format.Ms(l.P999)}");
        text.AppendLine($"  errors: {Format.Pairs(step.Errors)}; counters: {Format.Pairs(step.Counters)}");
        text.AppendLine();
    }
}
