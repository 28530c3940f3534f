using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-load-reports-").FullName;

    [Fact]
    public void Every_format_is_written_once_and_is_well_formed()
    {
        var files = ReportFiles.Write(Report(), _directory);

        Assert.Equal(["csv", "html", "json", "md", "txt"], files.Select(f => Path.GetExtension(f)[1..]).Order());
        Assert.All(files, f => Assert.StartsWith("citizen-chat-20250301-080000.", Path.GetFileName(f)));

        var json = JsonDocument.Parse(File.ReadAllText(files.Single(f => f.EndsWith(".json")))).RootElement;
        Assert.Equal(2, json.GetProperty("steps").GetArrayLength());
        Assert.Equal(0.5, json.GetProperty("calibration").GetProperty("ratios")[0].GetProperty("rpsRatio").GetDouble());
        Assert.False(json.GetProperty("passed").GetBoolean());

        var csv = File.ReadAllLines(files.Single(f => f.EndsWith(".csv")));
        Assert.Equal(CsvReport.Header, csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.All(csv, line => Assert.Equal(CsvReport.Header.Count(c => c == ','), Regex.Replace(line, "\"[^\"]*\"", "").Count(c => c == ',')));
        Assert.Contains(csv, line => line.StartsWith("hub,citizen-chat,send,1000,2,", StringComparison.Ordinal));

        var markdown = File.ReadAllLines(files.Single(f => f.EndsWith(".md")));
        var table = markdown.SkipWhile(l => !l.StartsWith("| step")).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(4, table.Count);
        Assert.All(table, row => Assert.Equal(table[0].Count(c => c == '|'), row.Count(c => c == '|')));

        var text = File.ReadAllText(files.Single(f => f.EndsWith(".txt")));
        Assert.Contains("threshold send:p99<10: FAILED", text);
        Assert.Contains("throughput 0.50x of the floor", text);
    }

    [Fact]
    public void The_html_report_is_self_contained_with_well_formed_charts()
    {
        var html = HtmlReport.Render(Report());

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        var charts = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => XDocument.Parse(m.Value)).ToList();
        // Throughput, one latency chart per step with answers, failures, errors by code.
        Assert.Equal(5, charts.Count);
        Assert.Contains(charts, c => c.Descendants().Any(e => e.Name.LocalName == "text" && e.Value == "citizen-chat.send rate_limited"));
        Assert.All(charts[1..3], c => Assert.Equal(4, c.Descendants().Count(e => e.Name.LocalName == "polyline")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RunReport Report()
    {
        var latency = new LatencySummary(1, 5, 40, 3, 4, 6, 12, 20, 35);
        var send = new StepSnapshot("citizen-chat", "send", 1000, 2, 100, latency, 100_000,
            new Dictionary<string, long> { ["rate_limited"] = 2 }, new Dictionary<string, long>());
        var delivery = new StepSnapshot("citizen-chat", "delivery", 1000, 0, 100, latency with { P99 = 25 }, 100_000,
            new Dictionary<string, long>(), new Dictionary<string, long> { ["lost"] = 0, ["duplicated"] = 0 });
        var floor = new StepSnapshot("floor-echo", "echo", 2000, 0, 200, latency with { P99 = 10 }, 200_000,
            new Dictionary<string, long>(), new Dictionary<string, long>());
        var timeline = Enumerable.Range(1, 4).SelectMany(i => new[]
        {
            new IntervalSample("citizen-chat", "send", i * 3, 300, i == 2 ? 2 : 0, 100, 4, 12, 20, 40),
            new IntervalSample("citizen-chat", "delivery", i * 3, 300, 0, 100, 5, 13, 25, 41),
        }).ToList();
        var threshold = Threshold.Parse("send:p99<10");
        return new RunReport("citizen-chat", "http://127.0.0.1:5099/", "dotnet run -c Release --project loadtests -- citizen-chat ...",
            new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), 10, 2,
            [new ScenarioPlanSummary("citizen-chat", ["keep-constant 20 copies for 10s"])],
            [delivery, send], timeline, [new ThresholdOutcome(threshold, false, "send 20", 3)],
            new Calibration([floor], [CalibrationRatio.Of(send, floor)]));
    }
}
