namespace Hub.LoadTests.Thresholds;

/// <summary>How a threshold fared: whether it ever failed, when first, and the values it was checked on.</summary>
public sealed record ThresholdOutcome(Threshold Threshold, bool Passed, string Detail, double? FirstFailedAtSeconds);
