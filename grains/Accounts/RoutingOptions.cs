using System.ComponentModel.DataAnnotations;

namespace Hub.Grains.Accounts;

/// <summary>Routing settings, bound from <c>Hub:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Hub:Routing";

    /// <summary>How many open conversations one agent takes before new ones queue.</summary>
    [Range(1, 100)]
    public int AgentCapacity { get; set; } = 5;

    /// <summary>
    /// How long an assigned agent may be gone (no live connection on any node, a crashed node
    /// included) before their open conversations go back to the front of the queue.
    /// </summary>
    public TimeSpan AgentGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one renewal from a node keeps its connected agents present.</summary>
    public TimeSpan PresenceLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often each node renews its agents, and each account checks who is gone.</summary>
    public TimeSpan PresenceRenewal { get; set; } = TimeSpan.FromSeconds(5);
}
