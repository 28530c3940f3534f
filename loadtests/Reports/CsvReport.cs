using System.Globalization;
using System.Text;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Reports;

/// <summary>One row per step (the floor's steps too, marked), for spreadsheets; latencies in milliseconds.</summary>
public static class CsvReport
{
    public const string Header =
        "source,scenario,step,ok,fail,fail_percent,rps,min_ms,mean_ms,max_ms,stddev_ms,p50_ms,p75_ms,p95_ms,p99_ms,p99_9_ms,bytes,errors,counters";

    public static string Render(RunReport report)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Header);
        foreach (var step in report.Steps)
        {
            csv.AppendLine(Row("hub", step));
        }
        foreach (var step in report.Calibration?.FloorSteps ?? [])
        {
            csv.AppendLine(Row("floor", step));
        }
        return csv.ToString();
    }

    private static string Row(string source, StepSnapshot s)
    {
        var l = s.Latency;
        string[] cells =
        [
            source, s.Scenario, s.Step, N(s.Ok), N(s.Fail), N(s.FailPercent), N(s.Rps), N(l.Min), N(l.Mean), N(l.Max), N(l.StdDev),
            N(l.P50), N(l.P75), N(l.P95), N(l.P99), N(l.P999), N(s.Bytes), Pairs(s.Errors), Pairs(s.Counters),
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Pairs(IReadOnlyDictionary<string, long> pairs) =>
        string.Join(';', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
