using System.Diagnostics;
using Hub.Grains.Push;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Hub.Realtime.Hubs;

/// <summary>
/// Grains push through the hub context to users' connections and to groups of connections.
/// When the Redis backplane is down the push still reaches this node's own connections:
/// written to them directly, it does not need Redis.
/// </summary>
public sealed class SignalRClientPush(IHubContext<LiveHub> hub, LocalConnections local, HubMetrics metrics, ILogger<SignalRClientPush> logger) : IClientPush
{
    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload) =>
        Send("users", hub.Clients.Users(userIds), () => local.OfUsers(userIds), eventName, payload);

    public Task ToGroups(IReadOnlyCollection<string> groups, string eventName, object payload) =>
        Send("groups", hub.Clients.Groups(groups), () => local.InGroups(groups), eventName, payload);

    private async Task Send(string target, IClientProxy everywhere, Func<IReadOnlyList<string>> here, string eventName, object payload)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await everywhere.SendAsync(eventName, payload);
        }
        catch (Exception failure) when (failure is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning("Redis is unreachable; {Event} goes to this node's connections only", eventName);
            // One connection at a time: the backplane writes a single local connection directly,
            // where a send to several connections publishes for each of them.
            await Task.WhenAll(here().Select(connection => hub.Clients.Client(connection).SendAsync(eventName, payload)));
        }
        metrics.Pushed(target, eventName, Stopwatch.GetElapsedTime(started));
    }
}
