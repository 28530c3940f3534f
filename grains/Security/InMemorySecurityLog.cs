namespace Hub.Grains.Security;

/// <summary>The security log of the embedded default: the latest entries of this process, oldest dropped first.</summary>
public sealed class InMemorySecurityLog(int capacity = InMemorySecurityLog.DefaultCapacity) : ISecurityLog
{
    public const int DefaultCapacity = 100_000;

    private readonly SecurityEvent[] _entries = new SecurityEvent[capacity];
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public Task Append(SecurityEvent entry)
    {
        lock (_gate)
        {
            _entries[_next] = entry;
            _next = (_next + 1) % _entries.Length;
            _count = Math.Min(_count + 1, _entries.Length);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SecurityEvent>> Read(SecurityLogQuery query)
    {
        var found = new List<SecurityEvent>();
        lock (_gate)
        {
            for (var i = 1; i <= _count && found.Count < query.Limit; i++)
            {
                var entry = _entries[(_next - i + _entries.Length) % _entries.Length];
                if (query.Matches(entry))
                {
                    found.Add(entry);
                }
            }
        }
        return Task.FromResult<IReadOnlyList<SecurityEvent>>(found);
    }
}
