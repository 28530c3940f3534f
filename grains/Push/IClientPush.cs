namespace Hub.Grains.Push;

/// <summary>
/// Delivers a server event to every live connection of the given users, wherever they are
/// connected. Grains decide what to push and to whom; the host decides how it travels.
/// </summary>
public interface IClientPush
{
    Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload);
}
