namespace Hub.LoadTests.Runner;

/// <summary>
/// Everything one step recorded, in a form another process can add to its own: the counts,
/// the encoded latency histogram (microseconds), errors by code, counters (summed when merged)
/// and gauges (readings of the server, of which a merge keeps the highest).
/// </summary>
public sealed record StepTally(
    string Scenario,
    string Step,
    long Ok,
    long Fail,
    long Bytes,
    long MinMicroseconds,
    string Histogram,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyDictionary<string, long> Gauges);
