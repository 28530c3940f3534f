namespace Hub.Grains.Push;

/// <summary>
/// Delivers a server event to every live connection of the given users, wherever they are
/// connected. Grains decide what to push and to whom; the host decides how it travels.
/// </summary>
public interface IClientPush
{
    Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload);

    /// <summary>Delivers a server event to every connection in the given groups (see <see cref="PushGroups"/>).</summary>
    Task ToGroups(IReadOnlyCollection<string> groups, string eventName, object payload);
}
