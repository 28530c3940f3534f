using System.IO.Pipelines;
using Hub.Realtime.Hubs;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Hub.Web.Hosting.Overload;

/// <summary>
/// Closes a hub connection whose client has stopped reading. Its pushes wait in the
/// connection's outgoing buffer (at most <see cref="CapacityOptions.OutgoingBufferBytes"/>, once the
/// socket's own buffers are full); a push that finds that buffer full closes the connection at
/// once rather than wait, so one slow reader never holds up a fan-out to everyone else and never
/// makes the node keep its pushes. The client reconnects and catches up by snapshot or seq like
/// any other.
/// </summary>
public sealed class SlowReaders(HubMetrics metrics, ILogger<SlowReaders> logger)
{
    public ConnectionDelegate Watch(ConnectionDelegate next) => connection =>
    {
        var closed = 0;
        connection.Transport = new WatchedPipe(connection.Transport.Input, new BoundedOutput(connection.Transport.Output, () =>
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                metrics.SlowReaderClosed();
                logger.LogDebug("Closing connection {ConnectionId}: its client fell too far behind reading its pushes", connection.ConnectionId);
                connection.Abort(new ConnectionAbortedException("the client fell too far behind reading its pushes"));
            }
        }));
        return next(connection);
    };

    private sealed class WatchedPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
