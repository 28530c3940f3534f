namespace Hub.Realtime.Hubs;

/// <summary>
/// Which users and groups this node's own connections belong to. It lets a push reach the
/// node's own clients directly when the Redis backplane, which normally carries every push,
/// is down: a node alone keeps serving its clients through a Redis outage.
/// </summary>
public sealed class LocalConnections
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _byUser = [];
    private readonly Dictionary<string, HashSet<string>> _byGroup = [];

    public void Connected(string userId, string connectionId)
    {
        lock (_gate)
        {
            Add(_byUser, userId, connectionId);
        }
    }

    public void Joined(string group, string connectionId)
    {
        lock (_gate)
        {
            Add(_byGroup, group, connectionId);
        }
    }

    public void Left(string group, string connectionId)
    {
        lock (_gate)
        {
            Remove(_byGroup, group, connectionId);
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            foreach (var key in _byUser.Keys.ToList())
            {
                Remove(_byUser, key, connectionId);
            }
            foreach (var key in _byGroup.Keys.ToList())
            {
                Remove(_byGroup, key, connectionId);
            }
        }
    }

    public IReadOnlyList<string> OfUsers(IEnumerable<string> userIds) => Of(_byUser, userIds);

    public IReadOnlyList<string> InGroups(IEnumerable<string> groups) => Of(_byGroup, groups);

    private IReadOnlyList<string> Of(Dictionary<string, HashSet<string>> index, IEnumerable<string> keys)
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
