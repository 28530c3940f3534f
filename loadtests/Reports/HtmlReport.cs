using System.Net;
using System.Text;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Reports;

/// <summary>
/// One self-contained HTML file: the tables of the Markdown report and inline SVG charts of
/// latency percentiles and throughput over time and of errors. No script, nothing fetched.
/// </summary>
public static class HtmlReport
{
    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(report.Title))
            .Append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child,th:first-child{text-align:left}"
                + ".failed{color:#b00;font-weight:bold}.passed{color:#070}svg{display:block;margin:1em 0}</style></head><body>");
        html.Append($"<h1>{E(report.Title)}</h1>");
        html.Append($"<p>Target <code>{E(report.Target)}</code>, started {report.StartedAt:u}, measured {Format.Number(report.MeasuredSeconds)} s "
            + $"after a {Format.Number(report.WarmUpSeconds)} s warm-up. Result: "
            + (report.Passed ? "<span class=\"passed\">passed</span>" : "<span class=\"failed\">failed</span>") + "</p>");
        html.Append($"<pre>{E(report.Command)}</pre><ul>");
        foreach (var scenario in report.Scenarios)
        {
            html.Append($"<li><b>{E(scenario.Name)}</b>: {E(string.Join("; ", scenario.Simulations))}</li>");
        }
        html.Append("</ul><h2>Steps</h2>");
        Steps(html, report.Steps);
        if (report.Calibration is { } calibration)
        {
            html.Append("<h2>Calibration: the bare SignalR floor, same machine, same run</h2>");
            Steps(html, calibration.FloorSteps);
            html.Append("<table><tr><th>hub step</th><th>floor step</th><th>throughput ratio</th><th>p50 ratio</th><th>p99 ratio</th></tr>");
            foreach (var r in calibration.Ratios)
            {
                html.Append($"<tr><td>{E(r.HubStep)}</td><td>{E(r.FloorStep)}</td><td>{Format.Ratio(r.RpsRatio)}</td><td>{Format.Ratio(r.P50Ratio)}</td><td>{Format.Ratio(r.P99Ratio)}</td></tr>");
            }
            html.Append("</table>");
        }
        Thresholds(html, report);
        Charts(html, report);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Steps(StringBuilder html, IReadOnlyList<StepSnapshot> steps)
    {
        html.Append("<table><tr><th>step</th><th>ok</th><th>fail</th><th>rps</th><th>min</th><th>mean</th><th>p50</th><th>p75</th><th>p95</th>"
            + "<th>p99</th><th>p99.9</th><th>max</th><th>stddev</th><th>data</th><th>errors</th><th>counters</th></tr>");
        foreach (var s in steps)
        {
            var l = s.Latency;
            html.Append($"<tr><td>{E(s.Scenario)}.{E(s.Step)}</td><td>{s.Ok}</td><td>{s.Fail}</td><td>{Format.Number(s.Rps)}</td>"
                + $"<td>{Format.Ms(l.Min)}</td><td>{Format.Ms(l.Mean)}</td><td>{Format.Ms(l.P50)}</td><td>{Format.Ms(l.P75)}</td><td>{Format.Ms(l.P95)}</td>"
                + $"<td>{Format.Ms(l.P99)}</td><td>{Format.Ms(l.P999)}</td><td>{Format.Ms(l.Max)}</td><td>{Format.Ms(l.StdDev)}</td>"
                + $"<td>{Format.Bytes(s.Bytes)}</td><td>{E(Format.Pairs(s.Errors))}</td><td>{E(Format.Pairs(s.Counters))}</td></tr>");
        }
        html.Append("</table><p>Latencies in milliseconds.</p>");
    }

    private static void Thresholds(StringBuilder html, RunReport report)
    {
        if (report.Thresholds.Count == 0)
        {
            return;
        }
        html.Append("<h2>Thresholds</h2><table><tr><th>threshold</th><th>result</th><th>detail</th></tr>");
        foreach (var t in report.Thresholds)
        {
            var result = t.Passed ? "<span class=\"passed\">passed</span>" : "<span class=\"failed\">failed</span>";
            html.Append($"<tr><td><code>{E(t.Threshold.Text)}</code></td><td>{result}</td><td>{E(t.Detail)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Charts(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Over time</h2>");
        var byStep = report.Timeline.GroupBy(s => $"{s.Scenario}.{s.Step}").ToList();
        html.Append(SvgChart.Lines("Throughput (responses per second)", "seconds", "rps",
            [.. byStep.Select(g => new SvgChart.Series(g.Key, [.. g.Select(s => (s.ElapsedSeconds, s.Rps))]))]));
        foreach (var step in byStep.Where(g => g.Any(s => s.Ok > 0)))
        {
            html.Append(SvgChart.Lines($"Latency of {step.Key}", "seconds", "ms",
            [
                new SvgChart.Series("p50", [.. step.Where(s => s.Ok > 0).Select(s => (s.ElapsedSeconds, s.P50))]),
                new SvgChart.Series("p95", [.. step.Where(s => s.Ok > 0).Select(s => (s.ElapsedSeconds, s.P95))]),
                new SvgChart.Series("p99", [.. step.Where(s => s.Ok > 0).Select(s => (s.ElapsedSeconds, s.P99))]),
                new SvgChart.Series("max", [.. step.Where(s => s.Ok > 0).Select(s => (s.ElapsedSeconds, s.Max))]),
            ]));
        }
        html.Append(SvgChart.Lines("Failures per interval", "seconds", "failures",
            [.. byStep.Where(g => g.Any(s => s.Fail > 0)).Select(g => new SvgChart.Series(g.Key, [.. g.Select(s => (s.ElapsedSeconds, (double)s.Fail))]))]));
        html.Append(SvgChart.Bars("Errors by code",
            [.. report.Steps.SelectMany(s => s.Errors.Select(e => ($"{s.Scenario}.{s.Step} {e.Key}", (double)e.Value)))]));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
