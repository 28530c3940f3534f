namespace Hub.LoadTests.Runner;

/// <summary>What the live view shows at a refresh.</summary>
public sealed record LiveStatus(string Phase, double ElapsedSeconds, IReadOnlyList<StepSnapshot> Steps, IReadOnlyList<string> FailedThresholds);
