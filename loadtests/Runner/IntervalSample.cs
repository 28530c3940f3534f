namespace Hub.LoadTests.Runner;

/// <summary>One step during one reporting interval, for the charts over time; latencies in milliseconds.</summary>
public sealed record IntervalSample(
    string Scenario, string Step, double ElapsedSeconds, long Ok, long Fail, double Rps, double P50, double P95, double P99, double Max);
