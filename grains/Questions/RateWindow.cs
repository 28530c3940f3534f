namespace Hub.Grains.Questions;

/// <summary>
/// At most <c>limit</c> actions per citizen in any sliding window, on the injected clock so
/// tests can move time. It lives in memory: a restart forgives, which is fine for a rate limit.
/// </summary>
public sealed class RateWindow(int limit, TimeSpan window, TimeProvider time)
{
    private const int ForgetAbove = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = [];

    /// <summary>Counts the action and answers true, or answers false when the citizen is over the limit.</summary>
    public bool TryTake(string citizenId)
    {
        var now = time.GetUtcNow();
        if (_recent.Count > ForgetAbove)
        {
            // Citizens whose actions have all left the window need no memory.
            foreach (var idle in _recent.Where(r => r.Value.Count == 0 || now - r.Value.Last() >= window).Select(r => r.Key).ToList())
            {
                _recent.Remove(idle);
            }
        }
        if (!_recent.TryGetValue(citizenId, out var stamps))
        {
            _recent[citizenId] = stamps = new Queue<DateTimeOffset>();
        }
        while (stamps.Count > 0 && now - stamps.Peek() >= window)
        {
            stamps.Dequeue();
        }
        if (stamps.Count >= limit)
        {
            return false;
        }
        stamps.Enqueue(now);
        return true;
    }
}
