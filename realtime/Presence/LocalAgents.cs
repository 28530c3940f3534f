using Hub.Grains.Accounts;
using Hub.Grains.Common;

namespace Hub.Realtime.Presence;

/// <summary>
/// The agents connected to this node, and the accounts they answer for. The node renews their
/// presence in those accounts (<see cref="AgentPresenceRenewer"/>), so an agent is present
/// exactly while some node holds a connection of theirs and is alive to say so.
/// </summary>
public sealed class LocalAgents(IGrainFactory grains, NodeIdentity node)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (IReadOnlyList<string> Accounts, HashSet<string> Connections)> _agents = [];

    /// <summary>Counts the connection; the first one of an agent makes them present at once.</summary>
    public async Task Connected(Caller caller, string connectionId)
    {
        IReadOnlyList<string> accounts = [.. caller.AccountsWhere(Roles.Agent)];
        if (accounts.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (!_agents.TryGetValue(caller.UserId, out var agent))
            {
                _agents[caller.UserId] = agent = (accounts, []);
            }
            agent.Connections.Add(connectionId);
        }
        await Task.WhenAll(accounts.Select(a => grains.GetGrain<IAccountGrain>(a).RenewPresence(node.Id, [caller.UserId])));
    }

    /// <summary>Forgets the connection; after an agent's last one here, this node no longer vouches for them.</summary>
    public async Task Disconnected(string userId, string connectionId)
    {
        IReadOnlyList<string> accounts;
        lock (_gate)
        {
            if (!_agents.TryGetValue(userId, out var agent) || !agent.Connections.Remove(connectionId) || agent.Connections.Count > 0)
            {
                return;
            }
            _agents.Remove(userId);
            accounts = agent.Accounts;
        }
        await Task.WhenAll(accounts.Select(a => grains.GetGrain<IAccountGrain>(a).LeavePresence(node.Id, userId)));
    }

    /// <summary>Each account with the agents of it connected here.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByAccount()
    {
        lock (_gate)
        {
            return _agents
                .SelectMany(a => a.Value.Accounts.Select(account => (Account: account, Agent: a.Key)))
                .GroupBy(x => x.Account, x => x.Agent)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g]);
        }
    }
}
