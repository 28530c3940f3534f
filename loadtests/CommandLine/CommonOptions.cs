namespace Hub.LoadTests.CommandLine;

/// <summary>The options every scenario takes.</summary>
public static class CommonOptions
{
    public static readonly IReadOnlyList<OptionSpec> All =
    [
        new("--target", "URL", "the hub, e.g. http://127.0.0.1:5099 (required)"),
        new("--admin-user", "NAME", "an admin, who creates the scenario's accounts and staff (required)"),
        new("--admin-pass", "PASSWORD", "that admin's password (required)"),
        new("--duration", "DURATION", "measured load, e.g. 60s or 2m (default 60s)"),
        new("--warmup", "DURATION", "load before measuring, left out of the figures (default 10s)"),
        new("--copies", "N", "closed model: keep N copies running"),
        new("--rate", "R", "open model: start R iterations per --interval"),
        new("--interval", "DURATION", "the --rate's interval (default 1s)"),
        new("--load", "PLAN", "a plan of phases instead of --copies/--rate (see simulations)"),
        new("--threshold", "RULE", "fail the run unless RULE holds; repeatable"),
        new("--report-dir", "DIR", "where the reports go (default load-reports)"),
        new("--calibrate", "", "first run the same pattern against a bare SignalR hub and report the ratios"),
        new("--floor", "URL", "with --calibrate: use this running floor instead of starting one"),
        new("--refresh", "DURATION", "live view and threshold check period (default 3s)"),
        new("--connect-rate", "R", "open at most R connections a second while setting up (default: 64 at a time, as fast as they open)"),
        new("--drain", "DURATION", "how long to wait for pushes after the load (default 10s)"),
        new("--feed", "KIND=FILE", "send texts from a .csv or .json file: names, questions or messages; repeatable (default: built-in texts)"),
        new("--feed-order", "ORDER", "circular (default) or random"),
        new("--plain", "", "plain lines instead of the live table"),
        new("--otlp", "URL", "stream the live figures at every refresh to an OpenTelemetry collector's OTLP/HTTP address, e.g. http://127.0.0.1:4318 (default: OTEL_EXPORTER_OTLP_ENDPOINT when set)"),
    ];
}
