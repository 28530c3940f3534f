using System.Globalization;

namespace Hub.LoadTests.Reports;

/// <summary>Writes a run's report in every format into one folder, named after the run and when it started.</summary>
public static class ReportFiles
{
    public static IReadOnlyList<string> Write(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory,
            $"{report.Title.Replace(' ', '-')}-{report.StartedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        (string Extension, Func<RunReport, string> Render)[] formats =
        [
            ("txt", TextReport.Render),
            ("md", MarkdownReport.Render),
            ("csv", CsvReport.Render),
            ("json", JsonReport.Render),
            ("html", HtmlReport.Render),
        ];
        var written = new List<string>();
        foreach (var (extension, render) in formats)
        {
            var path = $"{stem}.{extension}";
            File.WriteAllText(path, render(report));
            written.Add(path);
        }
        return written;
    }
}
