namespace Hub.Grains.Limits;

/// <summary>
/// At most <c>limit</c> actions per key (a citizen, say) in any sliding window, on the injected
/// clock so tests can move time. It lives in memory: a restart forgives, which is fine for a rate limit.
/// </summary>
public sealed class RateWindow(int limit, TimeSpan window, TimeProvider time)
{
    private const int ForgetAbove = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = [];

    /// <summary>Counts the action and answers true, or answers false when the key is over the limit.</summary>
    public bool TryTake(string key) => TryTake(key, out _);

    /// <summary>As <see cref="TryTake(string)"/>, and when refused, how long until the oldest action leaves the window.</summary>
    public bool TryTake(string key, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_recent.Count > ForgetAbove)
        {
            // Keys whose actions have all left the window need no memory.
            foreach (var idle in _recent.Where(r => r.Value.Count == 0 || now - r.Value.Last() >= window).Select(r => r.Key).ToList())
            {
                _recent.Remove(idle);
            }
        }
        if (!_recent.TryGetValue(key, out var stamps))
        {
            _recent[key] = stamps = new Queue<DateTimeOffset>();
        }
        while (stamps.Count > 0 && now - stamps.Peek() >= window)
        {
            stamps.Dequeue();
        }
        if (stamps.Count >= limit)
        {
            retryAfter = stamps.Peek() + window - now;
            return false;
        }
        stamps.Enqueue(now);
        retryAfter = TimeSpan.Zero;
        return true;
    }
}
