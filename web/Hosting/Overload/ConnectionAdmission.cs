using System.Globalization;
using Hub.Grains.Common;
using Hub.Realtime.Hubs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Hub.Web.Hosting.Overload;

/// <summary>
/// Admits a new hub connection only while the node has room for it: fewer open hub
/// connections than its maximum and memory to spare. A refused negotiation or WebSocket upgrade
/// answers 503 problem+json with Retry-After at once and closes its TCP connection, so a crowd
/// knocking at a full node costs it no open files; connections already open are untouched.
/// A connection counts from its upgrade to its end.
/// </summary>
public sealed class ConnectionAdmission(
    IOptions<CapacityOptions> options, HubMetrics metrics, RefusalLog log, IProblemDetailsService problems)
{
    public const string HubPath = "/hub";
    public const string TooManyConnections = "connections";
    public const string MemoryPressure = "memory";

    /// <summary>How soon a refused client may try again; the pages and the runner wait longer as refusals repeat.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly int _maximum = options.Value.EffectiveMaxConnections(OpenFileLimit.Current());
    private readonly double _maxHeapShare = options.Value.MaxHeapShare;
    private long _open;

    public int Maximum => _maximum;

    /// <summary>Hub connections this node holds now, counted from their upgrade.</summary>
    public long Open => Interlocked.Read(ref _open);

    public async Task Handle(HttpContext http, Func<Task> next)
    {
        if (!http.Request.Path.StartsWithSegments(HubPath, out var rest))
        {
            await next();
            return;
        }
        var holds = http.WebSockets.IsWebSocketRequest || IsEventStream(http.Request);
        var opens = holds || rest.Equals("/negotiate", StringComparison.Ordinal);
        if (!opens)
        {
            await next();
            return;
        }
        if (Refusal(holds) is { } reason)
        {
            await Refuse(http, reason);
            return;
        }
        if (!holds)
        {
            await next();
            return;
        }
        try
        {
            await next();
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>Why a connection cannot be admitted now, or null; one that will hold a socket takes its place here.</summary>
    private string? Refusal(bool holds)
    {
        if (MemoryIsShort())
        {
            return MemoryPressure;
        }
        if (!holds)
        {
            return Open >= _maximum ? TooManyConnections : null;
        }
        if (Interlocked.Increment(ref _open) <= _maximum)
        {
            return null;
        }
        Interlocked.Decrement(ref _open);
        return TooManyConnections;
    }

    private bool MemoryIsShort()
    {
        // As the last collection left it: cheap to read, and what the heap limit is enforced on.
        var memory = GC.GetGCMemoryInfo();
        return memory.TotalAvailableMemoryBytes > 0 && memory.TotalCommittedBytes >= memory.TotalAvailableMemoryBytes * _maxHeapShare;
    }

    private async Task Refuse(HttpContext http, string reason)
    {
        metrics.Refused(reason);
        log.Refused(reason, _maximum);
        var status = HubErrorCode.Unavailable.HttpStatus();
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Connection = "close";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = HubErrorCode.Unavailable.Prefix(),
                Detail = reason == MemoryPressure
                    ? "this node is short of memory and takes no new connections; try again later"
                    : "this node holds as many connections as it can; try again later",
            },
        });
    }

    private static bool IsEventStream(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal);
}
