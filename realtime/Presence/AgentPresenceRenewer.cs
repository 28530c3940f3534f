using Hub.Grains.Accounts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Realtime.Presence;

/// <summary>
/// Renews, every <see cref="RoutingOptions.PresenceRenewal"/>, the presence of the agents
/// connected to this node, one call per account. When this node dies the renewals stop, and
/// its agents fade out of routing within one lease.
/// </summary>
public sealed class AgentPresenceRenewer(
    LocalAgents agents, NodeIdentity node, IGrainFactory grains, IOptions<RoutingOptions> routing, TimeProvider time,
    ILogger<AgentPresenceRenewer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(routing.Value.PresenceRenewal, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (accountId, agentIds) in agents.ByAccount())
            {
                try
                {
                    await grains.GetGrain<IAccountGrain>(accountId).RenewPresence(node.Id, agentIds);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // The next tick renews again, well within the lease.
                    logger.LogWarning("Could not renew the presence of {Count} agents in {Account}: {Reason}", agentIds.Count, accountId, failure.GetType().Name);
                }
            }
        }
    }
}
