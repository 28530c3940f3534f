using System.Collections.Concurrent;
using System.Text.Json;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// A press officer publishes statements on one incident (grade 3 or 4, so a draft publishes
/// directly) to many anonymous followers. Steps: "draft", "publish" and "update-delivery"
/// (each follower's eventUpdate, timed from the start of PublishStatement). Every follower
/// should get every update once and in seq order; the counters say otherwise.
/// </summary>
public sealed class IncidentFanout(HubTarget target, IncidentFanoutOptions options) : ILoadScenario
{
    public const string Draft = "draft";
    public const string Publish = "publish";
    public const string UpdateDelivery = "update-delivery";

    private readonly ContractClient _client = new(target.Address);
    private readonly ConcurrentDictionary<string, (long StartedAt, long Bytes)> _publishing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, byte> _published = new();
    private ScenarioContext _context = null!;
    private HubConnection? _press;
    private HubConnection[] _followers = [];
    private FollowerTally[] _tallies = [];
    private string _eventId = "";

    public string Name => "incident-fanout";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        foreach (var step in new[] { Draft, Publish, UpdateDelivery })
        {
            context.Declare(step);
        }
        var admin = await _client.SignInStaff(target.AdminUser, target.AdminPassword);
        var accountId = ContractClient.NewId("load-incident");
        await _client.CreateAccount(admin.Token, accountId, "Load test: incident fan-out");
        var press = await _client.StaffMember(admin.Token, accountId, "press");
        _eventId = await _client.OpenEvent(press.Token, accountId, "incident", "Load test incident", options.Severity);
        _press = await _client.Connect(press.Token, cancellationToken);

        var followers = await Connections.OpenMany(context, options.Followers, async (_, token) =>
        {
            var tally = new FollowerTally();
            var follower = await _client.Connect(null, token);
            follower.On<JsonElement>("eventUpdate", update => OnUpdate(tally, update));
            var snapshot = await follower.InvokeAsync<JsonElement>("FollowEvent", _eventId, token);
            tally.Seed(snapshot.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("seq").GetInt64()));
            return (Connection: follower, Tally: tally);
        }, cancellationToken);
        _followers = [.. followers.Select(f => f.Connection)];
        _tallies = [.. followers.Select(f => f.Tally)];
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var text = Payload.Text($"update {iteration.Number}", options.StatementBytes);
        var bytes = Payload.Bytes(text);
        var drafted = await iteration.Step(Draft,
            () => _press!.InvokeAsync<JsonElement>("DraftStatement", _eventId, text, cancellationToken), _ => bytes);
        if (!drafted.IsOk)
        {
            return;
        }
        var statementId = drafted.Value.GetProperty("statementId").GetString()!;
        var startedAt = _context.Now();
        _publishing[statementId] = (startedAt, bytes);
        var published = await _context.Step(Publish,
            () => _press!.InvokeAsync<JsonElement>("PublishStatement", _eventId, statementId, cancellationToken), startedAt: startedAt);
        if (published.IsOk)
        {
            _published.TryAdd(published.Value.GetProperty("seq").GetInt64(), 0);
        }
    }

    public async Task Finish(CancellationToken cancellationToken)
    {
        var expected = _published.Keys.ToArray();
        await Drain.Until(() => _tallies.All(t => t.Missing(expected) == 0), _context.Clock, cancellationToken);
        _context.Count(UpdateDelivery, "lost", _tallies.Sum(t => (long)t.Missing(expected)));
        _context.Count(UpdateDelivery, "duplicated", 0);
        _context.Count(UpdateDelivery, "out_of_order", 0);
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_followers);
        await Connections.CloseAll([_press]);
        _client.Dispose();
    }

    private void OnUpdate(FollowerTally tally, JsonElement update)
    {
        var seq = update.GetProperty("seq").GetInt64();
        switch (tally.Receive(seq))
        {
            case FollowerTally.Arrival.Duplicate:
                _context.Count(UpdateDelivery, "duplicated");
                return;
            case FollowerTally.Arrival.OutOfOrder:
                _context.Count(UpdateDelivery, "out_of_order");
                break;
        }
        if (update.GetProperty("statementId").GetString() is { } statementId && _publishing.TryGetValue(statementId, out var publishing))
        {
            _context.Delivered(UpdateDelivery, publishing.StartedAt, publishing.Bytes);
        }
    }
}
