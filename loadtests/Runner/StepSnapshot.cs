namespace Hub.LoadTests.Runner;

/// <summary>
/// What one step of one scenario measured so far. A push step (a message or update reaching
/// other clients) counts each delivery as one response.
/// </summary>
public sealed record StepSnapshot(
    string Scenario,
    string Step,
    long Ok,
    long Fail,
    double Rps,
    LatencySummary Latency,
    long Bytes,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyDictionary<string, long> Counters)
{
    public long Total => Ok + Fail;

    public double FailPercent => Total == 0 ? 0 : 100.0 * Fail / Total;
}
