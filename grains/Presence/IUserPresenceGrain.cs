namespace Hub.Grains.Presence;

/// <summary>
/// Counts a user's live hub connections across all web nodes, so the hub can tell when the
/// user's last one closed (an agent who leaves must stop receiving conversations).
/// </summary>
public interface IUserPresenceGrain : IGrainWithStringKey
{
    Task Connected(string connectionId);

    /// <summary>True when this was the user's last connection.</summary>
    Task<bool> Disconnected(string connectionId);
}
