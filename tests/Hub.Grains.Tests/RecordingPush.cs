using System.Collections.Concurrent;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

/// <summary>Records what grains push, so tests can check who was told what.</summary>
public sealed class RecordingPush : IClientPush
{
    private readonly ConcurrentQueue<(string UserId, string EventName, object Payload)> _sent = new();

    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload)
    {
        foreach (var userId in userIds)
        {
            _sent.Enqueue((userId, eventName, payload));
        }
        return Task.CompletedTask;
    }

    public Task ToGroups(IReadOnlyCollection<string> groups, string eventName, object payload) =>
        ToUsers(groups, eventName, payload);

    /// <summary>What reached a user, or a group when given a group name.</summary>
    public IReadOnlyList<T> SentTo<T>(string userId, string eventName) =>
        [.. _sent.Where(s => s.UserId == userId && s.EventName == eventName).Select(s => s.Payload).OfType<T>()];
}
