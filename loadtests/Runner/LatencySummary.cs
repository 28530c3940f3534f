namespace Hub.LoadTests.Runner;

/// <summary>Latency of the successful calls of a step, in milliseconds.</summary>
public sealed record LatencySummary(
    double Min, double Mean, double Max, double StdDev, double P50, double P75, double P95, double P99, double P999)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
