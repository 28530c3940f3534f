using System.Collections.Concurrent;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Opens anonymous hub connections, one per iteration (so the load's rate is the connect rate),
/// until it holds its number, and holds them to the end of the run. Steps: "connect" (time to
/// open, failures by cause: refused, reset, timeout, other) and "server": the hub's memory
/// and connections from its metrics before the first connection and while all are held, and
/// the memory each held connection costs (working set and managed heap, bytes per connection).
/// </summary>
public sealed class HeldConnections(HubTarget target, HeldConnectionsOptions options) : ILoadScenario
{
    public const string Server = "server";
    public const string PerConnection = "memory_per_connection_bytes";
    public const string HeapPerConnection = "gc_heap_per_connection_bytes";
    public const string Unreadable = "metrics_unreadable";

    private readonly ContractClient _client = new(target.Address);
    private readonly ConcurrentBag<HubConnection> _held = [];
    private ScenarioContext _context = null!;
    private string? _adminToken;
    private ServerMemory? _before;
    private long _claimed;

    public string Name => "connections";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        ConnectionFailures.Declare(context);
        context.Declare(Server);
        _adminToken = options.Metrics is null ? (await _client.SignInStaff(target.AdminUser, target.AdminPassword)).Token : null;
        _before = await ReadServer(cancellationToken);
        if (_before is { } before)
        {
            context.Gauge(Server, "memory_before_bytes", before.WorkingSetBytes);
            context.Gauge(Server, "connections_before", before.Connections);
        }
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _claimed) > options.Connections)
        {
            return;
        }
        var startedAt = iteration.IntendedStart;
        try
        {
            _held.Add(await _client.Connect(null, cancellationToken));
            _context.Delivered(ConnectionFailures.Step, startedAt);
            _context.Count(ConnectionFailures.Step, ConnectionFailures.Opened);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            var cause = ConnectionFailures.Cause(error);
            _context.Failed(ConnectionFailures.Step, startedAt, cause);
            _context.Count(ConnectionFailures.Step, cause);
        }
    }

    /// <summary>Reads the server while every connection is still held (they close at disposal).</summary>
    public async Task Finish(CancellationToken cancellationToken)
    {
        if (await ReadServer(cancellationToken) is not { } held || _before is not { } before)
        {
            return;
        }
        _context.Gauge(Server, "memory_held_bytes", held.WorkingSetBytes);
        _context.Gauge(Server, "connections_held", held.Connections);
        _context.Gauge(Server, PerConnection, held.PerConnectionSince(before, m => m.WorkingSetBytes));
        _context.Gauge(Server, HeapPerConnection, held.PerConnectionSince(before, m => m.GcHeapBytes));
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_held);
        _client.Dispose();
    }

    /// <summary>The hub's figures, or null (counted as metrics_unreadable) when its metrics cannot be read.</summary>
    private async Task<ServerMemory?> ReadServer(CancellationToken cancellationToken)
    {
        try
        {
            var scrape = await _client.Metrics(options.Metrics ?? new Uri(target.Address, "/metrics"), _adminToken, cancellationToken);
            return ServerMemory.Parse(scrape);
        }
        catch (Exception error) when (error is HttpRequestException or FormatException)
        {
            _context.Count(Server, Unreadable);
            return null;
        }
    }
}
