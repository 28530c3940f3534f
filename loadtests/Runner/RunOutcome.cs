using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Runner;

/// <summary>What the runner hands to the reports: the final figures, the timeline and the threshold checks.</summary>
public sealed record RunOutcome(
    DateTimeOffset StartedAt,
    double MeasuredSeconds,
    IReadOnlyList<StepSnapshot> Steps,
    IReadOnlyList<IntervalSample> Timeline,
    IReadOnlyList<ThresholdOutcome> Thresholds);
