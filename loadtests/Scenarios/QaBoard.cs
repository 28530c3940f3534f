using System.Collections.Concurrent;
using System.Text.Json;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Feeds;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// One live event and its crowd, shared by the asking and the voting scenarios: viewers follow
/// it, observers among them time how soon vote counts reach them, a moderator approves
/// questions, and each asker starts with one approved question on the board.
/// </summary>
public sealed class QaBoard(HubTarget target, QaStormOptions options, TextFeeds texts) : IAsyncDisposable
{
    public const string VoteVisible = "vote-visible";

    private readonly ContractClient _client = new(target.Address);
    private readonly Lock _gate = new();
    private readonly List<string> _approved = [];
    private readonly ConcurrentDictionary<string, VoteTally> _tallies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Dictionary<string, int>> _observed = new();
    private readonly SemaphoreSlim _setUp = new(1, 1);
    private ScenarioContext? _voteContext;
    private bool _ready;

    public string EventId { get; private set; } = "";

    /// <summary>The texts the board's citizens send: names and questions.</summary>
    public TextFeeds Texts => texts;

    public HubConnection Moderator { get; private set; } = null!;

    public HubConnection[] Askers { get; private set; } = [];

    public HubConnection[] Voters { get; private set; } = [];

    public HubConnection[] Viewers { get; private set; } = [];

    public ContractClient Client => _client;

    /// <summary>
    /// Sets the board up once, whichever scenario comes first, counting its connections in that
    /// scenario's context; vote sightings are recorded in the voting scenario.
    /// </summary>
    public async Task SetUp(ScenarioContext context, ScenarioContext? voteContext, CancellationToken cancellationToken)
    {
        _voteContext ??= voteContext;
        await _setUp.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }
            var admin = await _client.SignInStaff(target.AdminUser, target.AdminPassword);
            var accountId = ContractClient.NewId("load-qa");
            await _client.CreateAccount(admin.Token, accountId, "Load test: live Q&A");
            var press = await _client.StaffMember(admin.Token, accountId, "press");
            EventId = await _client.OpenEvent(press.Token, accountId, "live", "Load test live Q&A", 4);
            Moderator = await _client.Connect((await _client.StaffMember(admin.Token, accountId, "moderator")).Token, cancellationToken);

            Viewers = await Connections.OpenMany(context, options.Viewers, async (i, token) =>
            {
                var viewer = await _client.Connect(null, token);
                if (i < options.Observers)
                {
                    viewer.On<JsonElement>("questionUpdated", question => OnQuestionUpdated(i, question));
                    viewer.On<JsonElement>("votesChanged", change => OnVotesChanged(i, change));
                }
                await viewer.InvokeAsync<JsonElement>(options.FollowMethod, EventId, token);
                if (i < options.Observers)
                {
                    // Only an observer that follows is waited for when the run drains.
                    _observed.TryAdd(i, new Dictionary<string, int>(StringComparer.Ordinal));
                }
                return viewer;
            }, cancellationToken);
            Askers = await Connections.OpenMany(context, options.Askers, (i, token) => ConnectCitizen(texts.Name($"load asker {i}"), token), cancellationToken);
            Voters = await Connections.OpenMany(context, options.Voters, (i, token) => ConnectCitizen(texts.Name($"load voter {i}"), token), cancellationToken);
            await Connections.InParallel(options.Seeds, async (i, token) =>
            {
                var asked = await Askers[i % Askers.Length].InvokeAsync<JsonElement>("AskQuestion", EventId, $"seed-{i}",
                    texts.Question($"Seed question {i}?"), token);
                var questionId = asked.GetProperty("questionId").GetString()!;
                await Moderator.InvokeAsync<JsonElement>("ModerateQuestion", EventId, questionId, "approve", token);
                Approved(questionId);
            }, cancellationToken);
            _ready = true;
        }
        finally
        {
            _setUp.Release();
        }
    }

    public void Approved(string questionId)
    {
        _tallies.TryAdd(questionId, new VoteTally());
        lock (_gate)
        {
            _approved.Add(questionId);
        }
    }

    /// <summary>The approved question with this index, if there is one yet.</summary>
    public string? Question(int index)
    {
        lock (_gate)
        {
            return index < _approved.Count ? _approved[index] : null;
        }
    }

    public VoteTally Tally(string questionId) => _tallies.GetOrAdd(questionId, _ => new VoteTally());

    public IReadOnlyDictionary<string, VoteTally> Tallies => _tallies;

    /// <summary>How many observers have not yet seen the acknowledged count of every question.</summary>
    public int ObserversBehind() =>
        _observed.Values.Count(seen =>
        {
            lock (seen)
            {
                return _tallies.Any(t => t.Value.Acknowledged > 0 && seen.GetValueOrDefault(t.Key) < t.Value.Acknowledged);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(Viewers);
        await Connections.CloseAll(Askers);
        await Connections.CloseAll(Voters);
        await Connections.CloseAll([Moderator]);
        _client.Dispose();
        _setUp.Dispose();
    }

    private async Task<HubConnection> ConnectCitizen(string name, CancellationToken cancellationToken) =>
        await _client.Connect((await _client.SignInCitizen(name)).Token, cancellationToken);

    private void OnQuestionUpdated(int observer, JsonElement question)
    {
        if (question.GetProperty("questionId").GetString() is { } questionId)
        {
            Saw(observer, questionId, question.GetProperty("votes").GetInt32());
        }
    }

    private void OnVotesChanged(int observer, JsonElement change)
    {
        foreach (var count in change.GetProperty("votes").EnumerateObject())
        {
            Saw(observer, count.Name, count.Value.GetInt32());
        }
    }

    private void Saw(int observer, string questionId, int votes)
    {
        if (_voteContext is not { } context)
        {
            return;
        }
        var seen = _observed.GetOrAdd(observer, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        int previous;
        lock (seen)
        {
            previous = seen.GetValueOrDefault(questionId);
            if (votes <= previous)
            {
                return;
            }
            seen[questionId] = votes;
        }
        var now = context.Now();
        foreach (var startedAt in Tally(questionId).Seen(previous, votes, now))
        {
            context.Measurements.Record(context.Scenario, VoteVisible, startedAt, context.Clock.GetElapsedTime(startedAt, now));
        }
    }
}
