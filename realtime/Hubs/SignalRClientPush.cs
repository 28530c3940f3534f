using Hub.Grains.Push;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Realtime.Hubs;

/// <summary>Grains push through the hub context to users' connections and to groups of connections.</summary>
public sealed class SignalRClientPush(IHubContext<LiveHub> hub) : IClientPush
{
    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload) =>
        hub.Clients.Users(userIds).SendAsync(eventName, payload);

    public Task ToGroups(IReadOnlyCollection<string> groups, string eventName, object payload) =>
        hub.Clients.Groups(groups).SendAsync(eventName, payload);
}
