using Microsoft.Extensions.Logging;

namespace Hub.Web.Hosting.Overload;

/// <summary>
/// Says that the node refuses connections once per interval, with how many it refused since it
/// last said so, rather than once per refusal: a crowd at a full node must not flood the log.
/// </summary>
public sealed class RefusalLog(TimeProvider clock, ILogger<RefusalLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long _refused;
    private long _lastSaidAt = long.MinValue;

    public void Refused(string reason, int maximum)
    {
        Interlocked.Increment(ref _refused);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastSaidAt);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < Interval)
        {
            return;
        }
        if (Interlocked.CompareExchange(ref _lastSaidAt, now, last) != last)
        {
            return;
        }
        var refused = Interlocked.Exchange(ref _refused, 0);
        logger.LogWarning("Refused {Refused} new connections since the last report ({Reason}); this node holds at most {Maximum}",
            refused, reason, maximum);
    }
}
