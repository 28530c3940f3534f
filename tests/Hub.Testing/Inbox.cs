using System.Threading.Channels;

namespace Hub.Testing;

/// <summary>What a loopback host received, in order, for a test to await one at a time.</summary>
public sealed class Inbox<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();

    public ValueTask Add(T item) => _items.Writer.WriteAsync(item);

    /// <summary>The next item, or a failure when none comes within the time.</summary>
    public async Task<T> Next(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        return await _items.Reader.ReadAsync(timeout.Token);
    }
}
