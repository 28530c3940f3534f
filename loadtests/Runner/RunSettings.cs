using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Runner;

/// <summary>How a run is measured, whatever its scenarios.</summary>
public sealed record RunSettings(
    TimeSpan WarmUp,
    IReadOnlyList<Threshold> Thresholds,
    TimeSpan RefreshEvery,
    TimeSpan DrainTimeout,
    double? ConnectRate = null)
{
    public static readonly RunSettings Default = new(TimeSpan.Zero, [], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
}
