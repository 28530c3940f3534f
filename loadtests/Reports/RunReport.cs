using Hub.LoadTests.Runner;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Reports;

/// <summary>Everything one run measured, as every report format shows it.</summary>
public sealed record RunReport(
    string Title,
    string Target,
    string Command,
    DateTimeOffset StartedAt,
    double MeasuredSeconds,
    double WarmUpSeconds,
    IReadOnlyList<ScenarioPlanSummary> Scenarios,
    IReadOnlyList<StepSnapshot> Steps,
    IReadOnlyList<IntervalSample> Timeline,
    IReadOnlyList<ThresholdOutcome> Thresholds,
    Calibration? Calibration)
{
    public bool Passed => Thresholds.All(t => t.Passed);
}

/// <summary>A scenario of the run and the load it ran under.</summary>
public sealed record ScenarioPlanSummary(string Name, IReadOnlyList<string> Simulations);
