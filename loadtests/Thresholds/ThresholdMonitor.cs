using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Thresholds;

/// <summary>
/// Checks the thresholds at every refresh of the live view and once at the end; a threshold
/// that failed at any check fails the run, and the report says when it first failed.
/// </summary>
public sealed class ThresholdMonitor(IReadOnlyList<Threshold> thresholds)
{
    private readonly Dictionary<Threshold, double> _firstFailedAt = [];
    private readonly Dictionary<Threshold, string> _failedDetail = [];

    public IReadOnlyList<Threshold> Thresholds => thresholds;

    public void CheckDuringRun(IReadOnlyList<StepSnapshot> steps, double elapsedSeconds)
    {
        foreach (var threshold in thresholds)
        {
            var (passed, detail) = ThresholdEvaluator.Evaluate(threshold, steps, final: false);
            if (!passed && _firstFailedAt.TryAdd(threshold, elapsedSeconds))
            {
                _failedDetail[threshold] = detail;
            }
        }
    }

    public IReadOnlyList<ThresholdOutcome> CheckAtEnd(IReadOnlyList<StepSnapshot> steps, double elapsedSeconds)
    {
        var outcomes = new List<ThresholdOutcome>();
        foreach (var threshold in thresholds)
        {
            var (passed, detail) = ThresholdEvaluator.Evaluate(threshold, steps, final: true);
            if (!passed)
            {
                _firstFailedAt.TryAdd(threshold, elapsedSeconds);
            }
            var failedEarlier = _firstFailedAt.TryGetValue(threshold, out var at);
            var shown = passed && failedEarlier ? $"{detail} at the end; failed during the run: {_failedDetail[threshold]}" : detail;
            outcomes.Add(new ThresholdOutcome(threshold, passed && !failedEarlier, shown, failedEarlier ? at : null));
        }
        return outcomes;
    }

    /// <summary>The thresholds that have failed so far, for the live view.</summary>
    public IReadOnlyList<string> FailedSoFar() => [.. _firstFailedAt.Keys.Select(t => t.Text)];
}
