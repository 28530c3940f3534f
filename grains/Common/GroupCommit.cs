namespace Hub.Grains.Common;

/// <summary>
/// Coalesces a grain's state writes: callers that change state while a write is running share
/// the next one, so a burst of changes costs two writes, not one each, and every caller is
/// answered only after a write that includes its change has succeeded.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private Task _running = Task.CompletedTask;
    private Task? _next;

    /// <summary>Completes when a write that began after this call has succeeded.</summary>
    public Task Commit()
    {
        if (_next is not null)
        {
            return _next;
        }
        if (_running.IsCompleted)
        {
            return _running = write();
        }
        return _next = WriteAfter(_running);
    }

    private async Task WriteAfter(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The previous write's own callers see its failure; this write is tried regardless.
        }
        _next = null;
        var current = write();
        _running = current;
        await current;
    }
}
