using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Spectre.Console;

namespace Hub.LoadTests.Live;

/// <summary>
/// Shows the run as it goes: a Spectre.Console table redrawn in place on a terminal, or one
/// plain line per step at each refresh when the output is redirected (CI logs, files).
/// </summary>
public static class LiveView
{
    public static async Task<T> Run<T>(bool plain, Func<Action<LiveStatus>, Task<T>> body)
    {
        if (plain || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await body(ShowPlain);
        }
        var gate = new Lock();
        return await AnsiConsole.Live(Render(new LiveStatus("starting", 0, [], []))).AutoClear(false).StartAsync(async live =>
            await body(status =>
            {
                lock (gate)
                {
                    live.UpdateTarget(Render(status));
                    live.Refresh();
                }
            }));
    }

    private static void ShowPlain(LiveStatus status)
    {
        Console.WriteLine($"[{Format.Number(status.ElapsedSeconds)} s] {status.Phase}"
            + (status.FailedThresholds.Count > 0 ? $"; failed thresholds: {string.Join(", ", status.FailedThresholds)}" : ""));
        foreach (var s in status.Steps)
        {
            Console.WriteLine($"  {s.Scenario}.{s.Step}: ok {s.Ok} fail {s.Fail} rps {Format.Number(s.Rps)} "
                + $"p50 {Format.Ms(s.Latency.P50)} p99 {Format.Ms(s.Latency.P99)} ms; {Format.Pairs(s.Counters)}");
        }
    }

    private static Table Render(LiveStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(status.Phase)} — {Format.Number(status.ElapsedSeconds)} s")
            .AddColumns("step", "ok", "fail", "rps", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "counters");
        foreach (var s in status.Steps)
        {
            table.AddRow(
                Markup.Escape($"{s.Scenario}.{s.Step}"), s.Ok.ToString(), s.Fail > 0 ? $"[red]{s.Fail}[/]" : "0", Format.Number(s.Rps),
                Format.Ms(s.Latency.P50), Format.Ms(s.Latency.P95), Format.Ms(s.Latency.P99), Format.Ms(s.Latency.Max),
                Markup.Escape(Format.Pairs(s.Errors)), Markup.Escape(Format.Pairs(s.Counters)));
        }
        if (status.FailedThresholds.Count > 0)
        {
            table.Caption($"[red]failed thresholds: {Markup.Escape(string.Join(", ", status.FailedThresholds))}[/]");
        }
        return table;
    }
}
