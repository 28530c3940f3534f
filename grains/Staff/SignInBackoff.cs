namespace Hub.Grains.Staff;

/// <summary>
/// Slows guessing without handing anyone a lock-out button. Failures are counted per client
/// address and, separately, over all addresses: after a few failures from one address that
/// address waits, twice as long after each further failure; only a flood from many addresses
/// makes everyone wait. A success resets both. Unknown usernames are counted the same way, so
/// the answers never tell an unknown username from a known one. Kept in memory: a restart forgives.
/// </summary>
public sealed class SignInBackoff(TimeProvider time)
{
    /// <summary>Failures from one address after which it waits: 1 s, then twice as long after each further failure.</summary>
    public const int FreeFailuresPerAddress = 3;
    public const int FreeFailuresOverall = 20;
    public static readonly TimeSpan MaxWaitPerAddress = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxWaitOverall = TimeSpan.FromMinutes(15);
    private const int RememberedAddresses = 1_000;

    private readonly Dictionary<string, Failures> _byAddress = [];
    private Failures _overall = new(0, DateTimeOffset.MinValue);

    /// <summary>How long the address must still wait before its next attempt, or null when it may try now.</summary>
    public TimeSpan? WaitFor(string address)
    {
        var now = time.GetUtcNow();
        var until = new[] { _overall.NotBefore, _byAddress.GetValueOrDefault(address)?.NotBefore ?? DateTimeOffset.MinValue }.Max();
        return until > now ? until - now : null;
    }

    /// <summary>Counts a failure; answers true when this failure starts (or lengthens) a wait.</summary>
    public bool Failed(string address)
    {
        var now = time.GetUtcNow();
        if (_byAddress.Count >= RememberedAddresses && !_byAddress.ContainsKey(address))
        {
            _byAddress.Remove(_byAddress.MinBy(a => a.Value.NotBefore).Key);
        }
        var mine = Next(_byAddress.GetValueOrDefault(address) ?? new(0, DateTimeOffset.MinValue), FreeFailuresPerAddress, MaxWaitPerAddress, now);
        _byAddress[address] = mine;
        _overall = Next(_overall, FreeFailuresOverall, MaxWaitOverall, now);
        return mine.NotBefore > now || _overall.NotBefore > now;
    }

    public void Succeeded(string address)
    {
        _byAddress.Remove(address);
        _overall = new(0, DateTimeOffset.MinValue);
    }

    private static Failures Next(Failures failures, int free, TimeSpan max, DateTimeOffset now)
    {
        var count = failures.Count + 1;
        if (count < free)
        {
            return new(count, DateTimeOffset.MinValue);
        }
        var seconds = Math.Min(Math.Pow(2, count - free), max.TotalSeconds);
        return new(count, now + TimeSpan.FromSeconds(seconds));
    }

    private sealed record Failures(int Count, DateTimeOffset NotBefore);
}
