using Hub.LoadTests.Reports;

namespace Hub.LoadTests.CommandLine;

/// <summary>Ends a run: the summary on the console, every report format on disk.</summary>
public static class RunPrinter
{
    public const string DefaultReportDirectory = "load-reports";

    public static int Finish(RunReport report, Arguments arguments)
    {
        Console.WriteLine();
        Console.Write(TextReport.Render(report));
        var files = ReportFiles.Write(report, arguments.Value("--report-dir") ?? DefaultReportDirectory);
        Console.WriteLine($"reports: {string.Join(", ", files)}");
        return report.Passed ? ExitCodes.Passed : ExitCodes.ThresholdFailed;
    }

    /// <summary>The command as it was given, without the admin's password or the agents' secret.</summary>
    public static string CommandLine(IReadOnlyList<string> args) =>
        "dotnet run -c Release --project loadtests -- "
        + string.Join(' ', args.Select((a, i) => i > 0 && args[i - 1] is "--admin-pass" or "--secret" ? "***" : a.Contains(' ') ? $"\"{a}\"" : a));
}
