using Hub.Grains.Push;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Web.Hubs;

/// <summary>Grains push through the hub context to every connection of the given users.</summary>
public sealed class SignalRClientPush(IHubContext<LiveHub> hub) : IClientPush
{
    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload) =>
        hub.Clients.Users(userIds).SendAsync(eventName, payload);
}
