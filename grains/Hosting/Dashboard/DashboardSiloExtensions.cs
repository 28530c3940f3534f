using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Hub.Grains.Hosting.Dashboard;

public static class DashboardSiloExtensions
{
    /// <summary>
    /// Every silo collects its statistics for the dashboard, headless ones too, so the web
    /// nodes that show it see the whole cluster.
    /// </summary>
    public static ISiloBuilder AddHubDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (HubDashboardOptions.IsEnabled(configuration))
        {
            silo.AddDashboard();
        }
        return silo;
    }
}
