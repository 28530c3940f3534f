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
/// <param name="backplane">
/// Whether a backplane carries pushes to the other nodes. Without one, a push to users goes to
/// their connections found in the node's index: SignalR's own lifetime manager looks for a
/// user's connections by visiting every connection of the node, which costs a chat message
/// as much as the node holds connections.
/// </param>
public sealed class SignalRClientPush(IHubContext<LiveHub> hub, LocalConnections local, HubMetrics metrics, ILogger<SignalRClientPush> logger, bool backplane) : IClientPush
{
    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload) =>
        backplane ? Send("users", hub.Clients.Users(userIds), () => local.OfUsers(userIds), eventName, payload)
        : Timed("users", eventName, Stopwatch.GetTimestamp(), ToEach(local.OfUsers(userIds), eventName, payload));

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
            await ToEach(here(), eventName, payload);
        }
        metrics.Pushed(target, eventName, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// One connection at a time: a single connection is found and written directly, with or
    /// without the backplane, where a send to several connections publishes or searches for each.
    /// </summary>
    private Task ToEach(IReadOnlyList<string> connections, string eventName, object payload) => connections.Count switch
    {
        0 => Task.CompletedTask,
        1 => hub.Clients.Client(connections[0]).SendAsync(eventName, payload),
        _ => Task.WhenAll(connections.Select(connection => hub.Clients.Client(connection).SendAsync(eventName, payload))),
    };

    /// <param name="started">Taken before <paramref name="sending"/> began, so the time includes its start.</param>
    private async Task Timed(string target, string eventName, long started, Task sending)
    {
        await sending;
        metrics.Pushed(target, eventName, Stopwatch.GetElapsedTime(started));
    }
}
