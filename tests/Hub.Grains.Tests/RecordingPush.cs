using Hub.Grains.Push;

namespace Hub.Grains.Tests;

/// <summary>Records what grains push, so tests can check who was told what, and await what is still coming.</summary>
public sealed class RecordingPush : IClientPush
{
    private readonly List<(string To, string EventName, object Payload)> _sent = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task ToUsers(IReadOnlyCollection<string> userIds, string eventName, object payload)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _sent.AddRange(userIds.Select(to => (to, eventName, payload)));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.SetResult();
        return Task.CompletedTask;
    }

    public Task ToGroups(IReadOnlyCollection<string> groups, string eventName, object payload) =>
        ToUsers(groups, eventName, payload);

    /// <summary>What reached a user, or a group when given a group name.</summary>
    public IReadOnlyList<T> SentTo<T>(string to, string eventName)
    {
        lock (_gate)
        {
            return [.. _sent.Where(s => s.To == to && s.EventName == eventName).Select(s => s.Payload).OfType<T>()];
        }
    }

    /// <summary>Waits (up to ten seconds) until a matching push has reached <paramref name="to"/>.</summary>
    public async Task<T> Next<T>(string to, string eventName, Func<T, bool> match)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                arrived = _arrived.Task;
            }
            if (SentTo<T>(to, eventName).FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await arrived.WaitAsync(deadline.Token);
        }
    }
}
