using System.Text.Json;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Feeds;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Every client closes its connection at once, a statement is published while they are away,
/// and all of them connect again at once and catch up as the contract says: followers call
/// FollowEvent and find the new update in the snapshot; citizens call JoinConversation and
/// GetHistory and find their messages. Steps: "reconnect" (one client's connect and catch-up),
/// "caught-up" (from the drop until that client is current) and "storm" (until all are).
/// One storm runs at a time; a storm due while another runs waits, and its time shows it.
/// </summary>
public sealed class ReconnectStorm(HubTarget target, ReconnectStormOptions options, TextFeeds texts) : ILoadScenario
{
    public const string Reconnect = "reconnect";
    public const string CaughtUp = "caught-up";
    public const string Storm = "storm";

    private readonly ContractClient _client = new(target.Address);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private ScenarioContext _context = null!;
    private HubConnection? _press;
    private Client[] _clients = [];
    private string _eventId = "";

    public string Name => "reconnect-storm";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        foreach (var step in new[] { Reconnect, CaughtUp, Storm })
        {
            context.Declare(step);
        }
        var admin = await _client.SignInStaff(target.AdminUser, target.AdminPassword);
        var accountId = ContractClient.NewId("load-reconnect");
        await _client.CreateAccount(admin.Token, accountId, "Load test: reconnect storm");
        var press = await _client.StaffMember(admin.Token, accountId, "press");
        _eventId = await _client.OpenEvent(press.Token, accountId, "incident", "Load test reconnect storm", 4);
        _press = await _client.Connect(press.Token, cancellationToken);

        var followers = options.Clients - options.Clients / 2;
        _clients = await Connections.OpenMany(context, options.Clients, async (i, token) =>
        {
            if (i < followers)
            {
                var follower = new Client(null, null);
                await CatchUp(follower, 0, token);
                return follower;
            }
            var citizenToken = (await _client.SignInCitizen(texts.Name($"load reconnecting citizen {i}"))).Token;
            var connection = await _client.Connect(citizenToken, token);
            var view = await connection.InvokeAsync<JsonElement>("StartConversation", accountId, "reconnect storm", token);
            var conversationId = view.GetProperty("conversationId").GetString()!;
            await connection.InvokeAsync<JsonElement>("SendMessage", conversationId, $"before-{i}", "before the storm", token);
            return new Client(citizenToken, conversationId) { Connection = connection };
        }, cancellationToken);
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var droppedAt = iteration.IntendedStart;
            await Connections.CloseAll(_clients.Select(c => c.Connection));
            var drafted = await _press!.InvokeAsync<JsonElement>("DraftStatement", _eventId, $"while away {iteration.Number}", cancellationToken);
            var published = await _press!.InvokeAsync<JsonElement>("PublishStatement", _eventId,
                drafted.GetProperty("statementId").GetString(), cancellationToken);
            var latestSeq = published.GetProperty("seq").GetInt64();

            var back = await Task.WhenAll(_clients.Select(client => _context.Step(Reconnect, async () =>
            {
                var current = await CatchUp(client, latestSeq, cancellationToken);
                if (current)
                {
                    _context.Delivered(CaughtUp, droppedAt);
                }
                else
                {
                    _context.Failed(CaughtUp, droppedAt, "stale");
                }
                return current;
            })));
            if (back.All(b => b.IsOk && b.Value))
            {
                _context.Delivered(Storm, droppedAt);
            }
            else
            {
                _context.Failed(Storm, droppedAt, back.FirstOrDefault(b => !b.IsOk).ErrorCode ?? "stale");
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public Task Finish(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_clients.Select(c => c.Connection));
        await Connections.CloseAll([_press]);
        _client.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>Connects the client and catches it up; answers whether it now has everything it should.</summary>
    private async Task<bool> CatchUp(Client client, long latestSeq, CancellationToken cancellationToken)
    {
        var connection = await _client.Connect(client.Token, cancellationToken);
        client.Connection = connection;
        if (client.ConversationId is null)
        {
            var snapshot = await connection.InvokeAsync<JsonElement>("FollowEvent", _eventId, cancellationToken);
            return snapshot.GetProperty("updates").EnumerateArray().Any(u => u.GetProperty("seq").GetInt64() == latestSeq) || latestSeq == 0;
        }
        await connection.InvokeAsync<JsonElement>("JoinConversation", client.ConversationId, cancellationToken);
        var history = await connection.InvokeAsync<JsonElement>("GetHistory", client.ConversationId, 0L, cancellationToken);
        return history.GetArrayLength() > 0;
    }

    private sealed class Client(string? token, string? conversationId)
    {
        public string? Token => token;

        public string? ConversationId => conversationId;

        public HubConnection? Connection { get; set; }
    }
}
