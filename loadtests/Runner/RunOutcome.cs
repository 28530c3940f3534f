using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Runner;

/// <summary>What the runner hands to the reports: the final figures, the timeline, the threshold checks, and the figures as tallies another runner can merge.</summary>
public sealed record RunOutcome(
    DateTimeOffset StartedAt,
    double MeasuredSeconds,
    IReadOnlyList<StepSnapshot> Steps,
    IReadOnlyList<IntervalSample> Timeline,
    IReadOnlyList<ThresholdOutcome> Thresholds,
    IReadOnlyList<StepTally> Tallies);
