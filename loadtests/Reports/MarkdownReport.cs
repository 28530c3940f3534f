using System.Text;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Reports;

/// <summary>The report as Markdown tables, for pasting into an issue or docs/performance.md.</summary>
public static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {report.Title}");
        md.AppendLine();
        md.AppendLine($"Target `{report.Target}`, started {report.StartedAt:u}, measured {Format.Number(report.MeasuredSeconds)} s after a {Format.Number(report.WarmUpSeconds)} s warm-up.");
        md.AppendLine();
        md.AppendLine($"```sh\n{report.Command}\n```");
        md.AppendLine();
        foreach (var scenario in report.Scenarios)
        {
            md.AppendLine($"- `{scenario.Name}`: {string.Join("; ", scenario.Simulations)}");
        }
        md.AppendLine();
        AppendSteps(md, report.Steps);
        if (report.Calibration is { } calibration)
        {
            md.AppendLine("## Calibration (bare SignalR floor, same machine, same run)");
            md.AppendLine();
            AppendSteps(md, calibration.FloorSteps);
            md.AppendLine("| hub step | floor step | throughput ratio | p50 ratio | p99 ratio |");
            md.AppendLine("|---|---|---:|---:|---:|");
            foreach (var r in calibration.Ratios)
            {
                md.AppendLine($"| {r.HubStep} | {r.FloorStep} | {Format.Ratio(r.RpsRatio)} | {Format.Ratio(r.P50Ratio)} | {Format.Ratio(r.P99Ratio)} |");
            }
            md.AppendLine();
        }
        if (report.Thresholds.Count > 0)
        {
            md.AppendLine("## Thresholds");
            md.AppendLine();
            md.AppendLine("| threshold | result | detail |");
            md.AppendLine("|---|---|---|");
            foreach (var t in report.Thresholds)
            {
                md.AppendLine($"| `{t.Threshold.Text}` | {(t.Passed ? "passed" : "**failed**")} | {t.Detail} |");
            }
            md.AppendLine();
        }
        md.AppendLine($"Result: **{(report.Passed ? "passed" : "failed")}**");
        return md.ToString();
    }

    private static void AppendSteps(StringBuilder md, IReadOnlyList<StepSnapshot> steps)
    {
        md.AppendLine("| step | ok | fail | rps | min | mean | p50 | p75 | p95 | p99 | p99.9 | max | stddev | data | errors | counters |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var s in steps)
        {
            var l = s.Latency;
            md.AppendLine($"| {s.Scenario}.{s.Step} | {s.Ok} | {s.Fail} | {Format.Number(s.Rps)} | {Format.Ms(l.Min)} | {Format.Ms(l.Mean)} | "
                + $"{Format.Ms(l.P50)} | {Format.Ms(l.P75)} | {Format.Ms(l.P95)} | {Format.Ms(l.P99)} | {Format.Ms(l.P999)} | {Format.Ms(l.Max)} | "
                + $"{Format.Ms(l.StdDev)} | {Format.Bytes(s.Bytes)} | {Format.Pairs(s.Errors)} | {Format.Pairs(s.Counters)} |");
        }
        md.AppendLine();
        md.AppendLine("Latencies in milliseconds.");
        md.AppendLine();
    }
}
