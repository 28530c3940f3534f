using System.Collections.Concurrent;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Scenarios;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Floor;

/// <summary>
/// Group fan-out on the floor hub: one publisher, many members of one group. Steps "publish"
/// and "delivery" (each member's copy, timed from the start of Publish), with lost and
/// duplicated counted as in the incident fan-out.
/// </summary>
public sealed class FloorFanout(Uri floor, int members, int messageBytes) : ILoadScenario
{
    public const string Publish = "publish";
    public const string Delivery = "delivery";

    private const string Group = "followers";

    private readonly ContractClient _client = new(floor);
    private readonly ConcurrentDictionary<long, long> _startedAt = new();
    private readonly ConcurrentDictionary<long, byte> _published = new();
    private ScenarioContext _context = null!;
    private HubConnection? _publisher;
    private HubConnection[] _members = [];
    private FollowerTally[] _tallies = [];
    private long _seq;

    public string Name => "floor-fanout";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        context.Declare(Publish);
        context.Declare(Delivery);
        _publisher = await _client.Connect(null, cancellationToken);
        var joined = await Connections.OpenMany(context, members, async (_, token) =>
        {
            var tally = new FollowerTally();
            var member = await _client.Connect(null, token);
            member.On<FloorUpdate>(FloorHub.UpdateEvent, update => OnUpdate(tally, update));
            await member.InvokeAsync("Join", Group, token);
            return (Connection: member, Tally: tally);
        }, cancellationToken);
        _members = [.. joined.Select(m => m.Connection)];
        _tallies = [.. joined.Select(m => m.Tally)];
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var seq = Interlocked.Increment(ref _seq);
        var text = Payload.Text($"update {seq}", messageBytes);
        _startedAt[seq] = iteration.IntendedStart;
        var published = await iteration.Step(Publish,
            () => _publisher!.InvokeAsync<long>("Publish", Group, seq, text, cancellationToken), _ => Payload.Bytes(text));
        if (published.IsOk)
        {
            _published.TryAdd(seq, 0);
        }
    }

    public async Task Finish(CancellationToken cancellationToken)
    {
        var expected = _published.Keys.ToArray();
        await Drain.Until(() => _tallies.All(t => t.Missing(expected) == 0), _context.Clock, cancellationToken);
        _context.Count(Delivery, "lost", _tallies.Sum(t => (long)t.Missing(expected)));
        _context.Count(Delivery, "duplicated", 0);
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_members);
        await Connections.CloseAll([_publisher]);
        _client.Dispose();
    }

    private void OnUpdate(FollowerTally tally, FloorUpdate update)
    {
        if (tally.Receive(update.Seq) == FollowerTally.Arrival.Duplicate)
        {
            _context.Count(Delivery, "duplicated");
        }
        else if (_startedAt.TryGetValue(update.Seq, out var startedAt))
        {
            _context.Delivered(Delivery, startedAt, Payload.Bytes(update.Text));
        }
    }
}
