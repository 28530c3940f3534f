using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Reports;

/// <summary>
/// The bare-SignalR floor measured on the same machine in the same run, and the hub's figures
/// as a ratio to it: how many times the floor's latency, what fraction of its throughput.
/// </summary>
public sealed record Calibration(IReadOnlyList<StepSnapshot> FloorSteps, IReadOnlyList<CalibrationRatio> Ratios);

/// <summary>One hub step against the floor step that does the same on the bare transport.</summary>
public sealed record CalibrationRatio(
    string HubStep, string FloorStep, double HubRps, double FloorRps, double HubP50, double FloorP50, double HubP99, double FloorP99)
{
    /// <summary>The hub's throughput as a fraction of the floor's.</summary>
    public double RpsRatio => FloorRps > 0 ? HubRps / FloorRps : 0;

    public double P50Ratio => FloorP50 > 0 ? HubP50 / FloorP50 : 0;

    /// <summary>The hub's p99 as a multiple of the floor's.</summary>
    public double P99Ratio => FloorP99 > 0 ? HubP99 / FloorP99 : 0;

    public static CalibrationRatio Of(StepSnapshot hub, StepSnapshot floor) =>
        new($"{hub.Scenario}.{hub.Step}", $"{floor.Scenario}.{floor.Step}", hub.Rps, floor.Rps,
            hub.Latency.P50, floor.Latency.P50, hub.Latency.P99, floor.Latency.P99);
}
