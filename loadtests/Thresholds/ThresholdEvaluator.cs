using System.Globalization;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Thresholds;

/// <summary>
/// Checks thresholds against step snapshots. An unqualified threshold must hold for every step
/// it applies to (latency ones for steps with answers, counters for steps that have the counter).
/// </summary>
public static class ThresholdEvaluator
{
    /// <summary>Fewer answers than this say too little about a percentile to fail a run while it is still going.</summary>
    public const long MinimumSamplesDuringRun = 100;

    public static (bool Passed, string Detail) Evaluate(Threshold threshold, IReadOnlyList<StepSnapshot> steps, bool final)
    {
        var matching = threshold.Step is null
            ? steps
            : [.. steps.Where(s => s.Step == threshold.Step || $"{s.Scenario}.{s.Step}" == threshold.Step)];
        if (threshold.Step is not null && matching.Count == 0)
        {
            return (!final, $"no step named {threshold.Step}");
        }
        var checks = matching
            .Where(s => Applies(threshold, s, final))
            .Select(s => (Step: s, Actual: Value(threshold, s)))
            .ToList();
        if (checks.Count == 0)
        {
            return (true, "not measured");
        }
        var failed = checks.Where(c => !threshold.Holds(c.Actual)).ToList();
        var shown = failed.Count > 0 ? failed : checks;
        var detail = string.Join(", ", shown.Select(c => $"{c.Step.Step} {Format(c.Actual)}"));
        return (failed.Count == 0, detail);
    }

    public static double Value(Threshold threshold, StepSnapshot step) => threshold.Metric switch
    {
        "min" => step.Latency.Min,
        "mean" => step.Latency.Mean,
        "max" => step.Latency.Max,
        "stddev" => step.Latency.StdDev,
        "p50" => step.Latency.P50,
        "p75" => step.Latency.P75,
        "p95" => step.Latency.P95,
        "p99" => step.Latency.P99,
        "p99.9" => step.Latency.P999,
        "rps" => step.Rps,
        "ok" => step.Ok,
        "fail" => step.Fail,
        "fail%" => step.FailPercent,
        var counter => step.Counters.GetValueOrDefault(counter),
    };

    private static bool Applies(Threshold threshold, StepSnapshot step, bool final)
    {
        if (threshold.IsCounter)
        {
            return threshold.Step is not null || step.Counters.ContainsKey(threshold.Metric);
        }
        if (threshold.IsLatency)
        {
            return step.Ok >= (final ? 1 : MinimumSamplesDuringRun);
        }
        // Rates and counts only mean something once the run is over.
        return final || threshold.Metric is "fail%" && step.Total >= MinimumSamplesDuringRun;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
