using System.Collections.Concurrent;

namespace Hub.Grains.PublicEvents;

/// <summary>The update log of the embedded default: one process, kept in memory.</summary>
public sealed class InMemoryUpdateLog : IUpdateLog
{
    private readonly ConcurrentDictionary<string, List<EventUpdate>> _events = new();

    public Task<bool> Append(EventUpdate update)
    {
        var updates = _events.GetOrAdd(update.EventId, _ => []);
        lock (updates)
        {
            // Its grain appends seqs in increasing order, so a seq not above the last is taken.
            if (updates.Count > 0 && update.Seq <= updates[^1].Seq)
            {
                return Task.FromResult(false);
            }
            updates.Add(update);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<EventUpdate>> Read(string eventId)
    {
        if (!_events.TryGetValue(eventId, out var updates))
        {
            return Task.FromResult<IReadOnlyList<EventUpdate>>([]);
        }
        lock (updates)
        {
            return Task.FromResult<IReadOnlyList<EventUpdate>>([.. updates]);
        }
    }
}
