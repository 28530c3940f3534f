using System.Collections.Concurrent;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Feeds;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Citizens chat with a government account whose agents echo every message. Steps: "send"
/// (SendMessage until acknowledged), "delivery" (the message reaching the agent) and "echo"
/// (the agent's answer reaching the citizen, timed from the citizen's send). An acknowledged
/// message that never reaches the agent is lost; one that reaches it twice is duplicated.
/// Events and answers are read into typed records, so the same code reads JSON and MessagePack.
/// </summary>
public sealed class CitizenChat(HubTarget target, CitizenChatOptions options, TextFeeds texts) : ILoadScenario
{
    public const string Send = "send";
    public const string Delivery = "delivery";
    public const string Echo = "echo";

    private static readonly TimeSpan AssignmentDeadline = TimeSpan.FromSeconds(30);
    private const string EchoPrefix = "echo-";

    private readonly ContractClient _client = new(target.Address, options.Protocol);
    private readonly ConcurrentDictionary<string, SentMessage> _sent = new(StringComparer.Ordinal);
    private ScenarioContext _context = null!;
    private HubConnection[] _agents = [];
    private Citizen[] _citizens = [];
    private long _nextMessage;

    public string Name => "citizen-chat";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        foreach (var step in new[] { Send, Delivery, Echo })
        {
            context.Declare(step);
        }
        var admin = await _client.SignInStaff(target.AdminUser, target.AdminPassword);
        var accountId = ContractClient.NewId("load-chat");
        await _client.CreateAccount(admin.Token, accountId, "Load test: citizen chat");

        _agents = await Connections.OpenMany(context, options.Agents, async (_, token) =>
        {
            var agent = await _client.Connect((await _client.StaffMember(admin.Token, accountId, "agent")).Token, token);
            agent.On<PushedMessage>("message", message => OnAgentMessage(agent, message));
            await agent.InvokeAsync("SetAvailability", accountId, true, token);
            return agent;
        }, cancellationToken);

        _citizens = await Connections.OpenMany(context, options.Citizens, async (i, token) =>
        {
            var connection = await _client.Connect((await _client.SignInCitizen(texts.Name($"load citizen {i}"))).Token, token);
            var assigned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<PushedMessage>("message", OnCitizenMessage);
            connection.On<object?>("conversationAssigned", _ => assigned.TrySetResult());
            var view = await connection.InvokeAsync<StartedConversation>("StartConversation", accountId, "load test", token);
            if (string.Equals(view.Status, "assigned", StringComparison.OrdinalIgnoreCase))
            {
                assigned.TrySetResult();
            }
            await assigned.Task.WaitAsync(AssignmentDeadline, token).ConfigureAwait(false);
            return new Citizen(connection, view.ConversationId);
        }, cancellationToken);
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var citizen = _citizens[(iteration.Copy >= 0 ? iteration.Copy : iteration.Number) % _citizens.Length];
        var id = $"m{Interlocked.Increment(ref _nextMessage)}";
        var text = texts.Message(Payload.Text(id, options.MessageBytes));
        var sent = _sent[id] = new SentMessage(iteration.IntendedStart, Payload.Bytes(text));
        var answer = await iteration.Step(Send,
            () => citizen.Connection.InvokeAsync<object?>("SendMessage", citizen.ConversationId, id, text, cancellationToken),
            _ => sent.Bytes);
        sent.Acknowledged = answer.IsOk;
    }

    public async Task Finish(CancellationToken cancellationToken)
    {
        await Drain.Until(() => _sent.Values.All(m => !m.Acknowledged || m.Echoes > 0), _context.Clock, cancellationToken);
        _context.Count(Delivery, "lost", _sent.Values.Count(m => m.Acknowledged && m.Deliveries == 0));
        _context.Count(Echo, "lost", _sent.Values.Count(m => m.Deliveries > 0 && m.Echoes == 0));
        _context.Count(Delivery, "duplicated", 0);
        _context.Count(Echo, "duplicated", 0);
    }

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_citizens.Select(c => c?.Connection));
        await Connections.CloseAll(_agents);
        _client.Dispose();
    }

    private void OnAgentMessage(HubConnection agent, PushedMessage message)
    {
        var id = message.ClientMessageId;
        if (message.SenderRole != "citizen" || id is null || !_sent.TryGetValue(id, out var sent))
        {
            return;
        }
        if (Interlocked.Increment(ref sent.Deliveries) > 1)
        {
            _context.Count(Delivery, "duplicated");
            return;
        }
        _context.Delivered(Delivery, sent.StartedAt, sent.Bytes);
        agent.InvokeAsync<object?>("SendMessage", message.ConversationId, EchoPrefix + id, message.Text).ContinueWith(
            echo => _context.Failed(Echo, sent.StartedAt, ErrorCodes.Classify(echo.Exception!)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private void OnCitizenMessage(PushedMessage message)
    {
        var id = message.ClientMessageId;
        if (message.SenderRole != "agent" || id is null || !id.StartsWith(EchoPrefix, StringComparison.Ordinal)
            || !_sent.TryGetValue(id[EchoPrefix.Length..], out var sent))
        {
            return;
        }
        if (Interlocked.Increment(ref sent.Echoes) > 1)
        {
            _context.Count(Echo, "duplicated");
            return;
        }
        _context.Delivered(Echo, sent.StartedAt, sent.Bytes);
    }

    private sealed record Citizen(HubConnection Connection, string ConversationId);

    /// <summary>What the scenario reads of a "message" event.</summary>
    public sealed class PushedMessage
    {
        public string? ConversationId { get; set; }

        public string? ClientMessageId { get; set; }

        public string? SenderRole { get; set; }

        public string? Text { get; set; }
    }

    /// <summary>What the scenario reads of StartConversation's answer.</summary>
    public sealed class StartedConversation
    {
        public string ConversationId { get; set; } = "";

        public string? Status { get; set; }
    }

    private sealed class SentMessage(long startedAt, long bytes)
    {
        public int Deliveries;
        public int Echoes;

        public long StartedAt => startedAt;

        public long Bytes => bytes;

        public bool Acknowledged { get; set; }
    }
}
