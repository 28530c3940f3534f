namespace Hub.Grains.Presence;

/// <summary>Presence is volatile by nature: a connection does not outlive its process, so nothing is persisted.</summary>
public sealed class UserPresenceGrain : Grain, IUserPresenceGrain
{
    private static readonly TimeSpan KeepWhileConnected = TimeSpan.FromDays(1);

    private readonly HashSet<string> _connections = [];

    Task IUserPresenceGrain.Connected(string connectionId)
    {
        _connections.Add(connectionId);
        // While the user is connected the count must survive idle-time collection.
        DelayDeactivation(KeepWhileConnected);
        return Task.CompletedTask;
    }

    Task<bool> IUserPresenceGrain.Disconnected(string connectionId)
    {
        _connections.Remove(connectionId);
        if (_connections.Count > 0)
        {
            return Task.FromResult(false);
        }
        DeactivateOnIdle();
        return Task.FromResult(true);
    }
}
