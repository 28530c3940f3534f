using Microsoft.Extensions.Configuration;

namespace Hub.Grains.Hosting.Dashboard;

/// <summary>The Orleans dashboard, bound from <c>Hub:Dashboard</c>.</summary>
public sealed class HubDashboardOptions
{
    public const string Section = "Hub:Dashboard";

    /// <summary>
    /// On by default: operators expect to see the grains. It profiles every grain call, so a
    /// node tuned for the last per cent of throughput may turn it off.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<HubDashboardOptions>()?.Enabled ?? true;
}
