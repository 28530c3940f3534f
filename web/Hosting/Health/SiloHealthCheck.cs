using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Web.Hosting.Health;

/// <summary>
/// This node's silo is Active in its cluster's membership: it has joined, and is neither
/// starting, shutting down, nor declared dead by the others.
/// </summary>
public sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active in cluster {silo.ClusterId}")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status} in cluster {silo.ClusterId}"));
    }
}
