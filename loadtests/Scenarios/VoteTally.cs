namespace Hub.LoadTests.Scenarios;

/// <summary>
/// The votes of one question: when the vote that made the count n started, taken from the
/// vote's answer ({ votes: n }). A viewer may see a count before that answer arrives; such a
/// sighting waits here until the answer says when its vote started.
/// </summary>
public sealed class VoteTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _startedAt = [];
    private readonly List<(int Count, long SeenAt)> _seenEarly = [];
    private int _acknowledged;

    public int Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged;
            }
        }
    }

    /// <summary>The hub answered a vote with this count; returns the sightings that were waiting for it.</summary>
    public IReadOnlyList<long> Acknowledge(int count, long startedAt)
    {
        lock (_gate)
        {
            _acknowledged++;
            _startedAt[count] = startedAt;
            var waiting = _seenEarly.Where(s => s.Count == count).Select(s => s.SeenAt).ToList();
            _seenEarly.RemoveAll(s => s.Count == count);
            return waiting;
        }
    }

    /// <summary>A viewer saw the counts after <paramref name="previous"/> up to <paramref name="current"/>; returns the start of each vote already answered.</summary>
    public IReadOnlyList<long> Seen(int previous, int current, long seenAt)
    {
        lock (_gate)
        {
            var known = new List<long>();
            for (var count = previous + 1; count <= current; count++)
            {
                if (_startedAt.TryGetValue(count, out var startedAt))
                {
                    known.Add(startedAt);
                }
                else
                {
                    _seenEarly.Add((count, seenAt));
                }
            }
            return known;
        }
    }
}
