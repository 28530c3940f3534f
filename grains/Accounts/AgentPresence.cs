namespace Hub.Grains.Accounts;

/// <summary>
/// Which agents of an account hold a live connection somewhere: each node renews a lease for
/// the agents connected to it, so an agent is present while any node's lease runs. A node that
/// dies stops renewing and its agents fade out within one lease, with nobody telling anyone.
/// Kept in memory only: after a restart nobody is present until their node renews, so nothing
/// is routed to an agent who has not come back.
/// </summary>
public sealed class AgentPresence
{
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _leases = [];
    private readonly Dictionary<string, DateTimeOffset> _goneSince = [];

    public void Renew(string agentId, string nodeId, DateTimeOffset until)
    {
        if (!_leases.TryGetValue(agentId, out var nodes))
        {
            _leases[agentId] = nodes = [];
        }
        nodes[nodeId] = until;
        _goneSince.Remove(agentId);
    }

    /// <summary>The agent's last connection on that node closed.</summary>
    public void Leave(string agentId, string nodeId, DateTimeOffset now)
    {
        if (_leases.TryGetValue(agentId, out var nodes) && nodes.Remove(nodeId) && nodes.Count == 0)
        {
            _leases.Remove(agentId);
            _goneSince[agentId] = now;
        }
    }

    public bool IsPresent(string agentId, DateTimeOffset now) =>
        _leases.TryGetValue(agentId, out var nodes) && nodes.Values.Any(until => until > now);

    /// <summary>
    /// How long the agent has been gone, counted from the first time this account noticed
    /// (or from <paramref name="now"/> for one it has never seen); zero while present.
    /// </summary>
    public TimeSpan GoneFor(string agentId, DateTimeOffset now)
    {
        if (IsPresent(agentId, now))
        {
            _goneSince.Remove(agentId);
            return TimeSpan.Zero;
        }
        if (!_goneSince.TryGetValue(agentId, out var since))
        {
            _goneSince[agentId] = since = _leases.TryGetValue(agentId, out var nodes) && nodes.Count > 0 ? nodes.Values.Max() : now;
        }
        return now - since;
    }
}
