using System.Diagnostics;
using System.Threading.Channels;
using Hub.Grains.Telemetry;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>
/// Group commit: items that arrive while one batch is being written go into the next, which
/// is written as one statement, so a busy silo pays one round trip for many writes. Each
/// caller learns its own item's result once the batch holding it is stored.
/// </summary>
public sealed class BatchWriter<TItem, TResult> : IAsyncDisposable
{
    private const int MaxBatch = 1_000;

    private readonly string _store;
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _write;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _pending =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="store">The store's name in the metrics.</param>
    /// <param name="write">Writes a batch and answers each item's result, in the batch's order.</param>
    public BatchWriter(string store, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
    {
        _store = store;
        _write = write;
        _writer = Task.Run(WriteBatches);
    }

    public Task<TResult> Write(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((item, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(BatchWriter<TItem, TResult>)));
        }
        return done.Task;
    }

    /// <summary>Writes what is still pending, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatches()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                var started = Stopwatch.GetTimestamp();
                var results = await _write([.. batch.Select(b => b.Item)]);
                GrainMetrics.BatchWritten(_store, batch.Count, Stopwatch.GetElapsedTime(started));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception failure)
            {
                foreach (var (_, done) in batch)
                {
                    done.SetException(failure);
                }
            }
            batch.Clear();
        }
    }
}
