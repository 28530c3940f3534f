namespace Hub.Realtime.Hubs;

/// <summary>
/// Which users and groups this node's own connections belong to. It lets a push reach the
/// node's own clients directly when the Redis backplane, which normally carries every push,
/// is down: a node alone keeps serving its clients through a Redis outage.
/// </summary>
public sealed class LocalConnections(HubMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _byUser = [];
    private readonly Dictionary<string, HashSet<string>> _byGroup = [];

    // What each connection is in, so that forgetting it touches only its own entries.
    private readonly Dictionary<string, (string? User, HashSet<string> Groups)> _byConnection = [];

    public void Connected(string userId, string connectionId)
    {
        lock (_gate)
        {
            Add(_byUser, userId, connectionId);
            _byConnection[connectionId] = (userId, Of(connectionId).Groups);
        }
    }

    public void Joined(string group, string connectionId)
    {
        lock (_gate)
        {
            Add(_byGroup, group, connectionId);
            var entry = Of(connectionId);
            if (entry.Groups.Add(group))
            {
                metrics.GroupChanged(group, +1);
            }
            _byConnection[connectionId] = entry;
        }
    }

    public void Left(string group, string connectionId)
    {
        lock (_gate)
        {
            Remove(_byGroup, group, connectionId);
            if (Of(connectionId).Groups.Remove(group))
            {
                metrics.GroupChanged(group, -1);
            }
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (!_byConnection.Remove(connectionId, out var entry))
            {
                return;
            }
            if (entry.User is not null)
            {
                Remove(_byUser, entry.User, connectionId);
            }
            foreach (var group in entry.Groups)
            {
                Remove(_byGroup, group, connectionId);
                metrics.GroupChanged(group, -1);
            }
        }
    }

    public IReadOnlyList<string> OfUsers(IEnumerable<string> userIds) => Members(_byUser, userIds);

    public IReadOnlyList<string> InGroups(IEnumerable<string> groups) => Members(_byGroup, groups);

    private (string? User, HashSet<string> Groups) Of(string connectionId) =>
        _byConnection.TryGetValue(connectionId, out var entry) ? entry : (null, []);

    private IReadOnlyList<string> Members(Dictionary<string, HashSet<string>> index, IEnumerable<string> keys)
    {
        lock (_gate)
        {
            return [.. keys.SelectMany(k => index.TryGetValue(k, out var ids) ? ids : []).Distinct()];
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string connectionId)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = [];
        }
        ids.Add(connectionId);
    }

    private static void Remove(Dictionary<string, HashSet<string>> index, string key, string connectionId)
    {
        if (index.TryGetValue(key, out var ids) && ids.Remove(connectionId) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }
}
