using System.IO.Pipelines;

namespace Hub.Web.Hosting.Overload;

/// <summary>
/// A connection's outgoing pipe that calls <paramref name="full"/> when a write finds the pipe
/// over its limit: the pipe's flush then waits for the client to read, which a slow reader may
/// never do. Everything else passes through.
/// </summary>
internal sealed class BoundedOutput(PipeWriter inner, Action full) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => Watch(inner.FlushAsync(cancellationToken));

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        Watch(inner.WriteAsync(source, cancellationToken));

    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    private ValueTask<FlushResult> Watch(ValueTask<FlushResult> flush)
    {
        // A pipe's flush completes at once unless the pipe holds more than its limit.
        if (!flush.IsCompleted)
        {
            full();
        }
        return flush;
    }
}
