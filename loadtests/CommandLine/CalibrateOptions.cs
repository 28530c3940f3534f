namespace Hub.LoadTests.CommandLine;

/// <summary>The options of the calibrate command.</summary>
public static class CalibrateOptions
{
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("--connections", "N", "echo: connections, one copy each (default 20)"),
        new("--members", "N", "fan-out: members of the group (default 100)"),
        new("--rate", "R", "fan-out: publishes per second (default 10)"),
        new("--message-bytes", "N", "message length (default 100)"),
        new("--duration", "DURATION", "each pattern's measured load (default 20s)"),
        new("--warmup", "DURATION", "each pattern's warm-up (default 5s)"),
        new("--floor", "URL", "use this running floor instead of starting one"),
        new("--report-dir", "DIR", "where the reports go (default load-reports)"),
        new("--plain", "", "plain lines instead of the live table"),
    ];
}
