using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Hub.Web.Tests;

/// <summary>
/// A web node in its own process holds grains and connections and is killed (SIGKILL). The
/// citizens reconnect to the surviving node and send again what was not acknowledged: every
/// acknowledged message is in the history afterwards, exactly once, because it was in the
/// message log before it was acknowledged. The incident clocks' reminders, kept in
/// PostgreSQL, fire on the surviving node.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output)
{
    private const int Citizens = 6;
    private const int MessagesBefore = 3;
    private const int MessagesAfter = 3;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    // Reminders tick once a minute at the finest; the failover comes on top.
    private static readonly TimeSpan ReminderDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_acknowledged_message_survives_the_loss_of_the_node_that_held_its_conversation()
    {
        await using var database = await TestDatabase.Create();
        var settings = ClusterNodes.Settings(database);
        var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        await using var doomed = await StartDoomed(settings, doomedAddress);
        await using var survivor = new HubAppFactory(settings);
        var onDoomed = new HubApi(doomedAddress);
        var onSurvivor = new HubApi(survivor.Address);
        var account = await onDoomed.Account("节点故障测试");

        var conversations = new List<(string Token, string ConversationId)>();
        for (var i = 0; i < Citizens; i++)
        {
            var token = (await onDoomed.Citizen($"市民{i}")).Token;
            await using var citizen = await LiveClient.Connect(doomedAddress, token);
            var id = (await citizen.Invoke<JsonElement>("StartConversation", account, $"咨询 {i}")).Str("conversationId");
            for (var m = 1; m <= MessagesBefore; m++)
            {
                Assert.Equal(m, (await citizen.Invoke<JsonElement>("SendMessage", id, $"m-{m}", $"消息 {m}")).Long("seq"));
            }
            conversations.Add((token, id));
        }

        doomed.Kill();

        var deadline = DateTimeOffset.UtcNow + RecoveryDeadline;
        foreach (var (token, id) in conversations)
        {
            await using var citizen = await LiveClient.Connect(onSurvivor.Address, token);
            for (var m = MessagesBefore; m <= MessagesBefore + MessagesAfter; m++)
            {
                // The last message before the loss is sent again, as a client does when it cannot know it arrived.
                Assert.Equal(m, await SendUntilAcknowledged(citizen, id, $"m-{m}", $"消息 {m}", deadline));
            }
            var history = await citizen.Invoke<JsonElement[]>("GetHistory", id, 0L);
            Assert.Equal(Enumerable.Range(1, MessagesBefore + MessagesAfter).Select(m => $"消息 {m}"), history.Select(h => h.Str("text")));
            Assert.Equal(Enumerable.Range(1, MessagesBefore + MessagesAfter).Select(m => (long)m), history.Select(h => h.Long("seq")));
        }
    }

    [Fact]
    public async Task An_incident_clock_still_fires_after_the_node_that_held_the_incident_is_lost()
    {
        await using var database = await TestDatabase.Create();
        var settings = ClusterNodes.Settings(database);
        settings["Hub:Clocks:Grades:4:response"] = "00:00:20";
        var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        await using var doomed = await StartDoomed(settings, doomedAddress);
        await using var survivor = new HubAppFactory(settings);
        var onDoomed = new HubApi(doomedAddress);
        var account = await onDoomed.Account("时限故障测试");
        var press = await onDoomed.Press(account);
        var eventId = await onDoomed.OpenEvent(press.Token, account, severity: 4, title: "节点故障中的事件");

        doomed.Kill();

        await using var officer = await LiveClient.Connect(survivor.Address, press.Token);
        var breach = await officer.Next("clockAlert", a => a.Str("eventId") == eventId && a.Str("level") == "breach", ReminderDeadline);
        Assert.Equal("response", breach.Str("clock"));
    }

    [Fact]
    public async Task Agents_of_a_lost_node_who_stay_away_lose_their_conversations_and_those_who_return_in_time_keep_theirs()
    {
        await using var database = await TestDatabase.Create();
        var settings = ClusterNodes.Settings(database);
        settings["Hub:Routing:AgentGracePeriod"] = "00:00:05";
        settings["Hub:Routing:PresenceLease"] = "00:00:02";
        settings["Hub:Routing:PresenceRenewal"] = "00:00:00.500";
        var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        await using var doomed = await StartDoomed(settings, doomedAddress);
        await using var survivor = new HubAppFactory(settings);
        var onSurvivor = new HubApi(survivor.Address);
        var account = await onSurvivor.Account("坐席故障测试");
        var leaving = await onSurvivor.Agent(account, "将失联的坐席");
        var returning = await onSurvivor.Agent(account, "会回来的坐席");
        var standby = await onSurvivor.Agent(account, "留守坐席");
        await using var lost = await AssignedChat.Start(doomedAddress, onSurvivor, account, leaving);
        await using var kept = await AssignedChat.Start(doomedAddress, onSurvivor, account, returning);
        await using var standing = await LiveClient.Connect(survivor.Address, standby.Token);
        await standing.Invoke("SetAvailability", account, true);

        doomed.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var deadline = killedAt + RecoveryDeadline;
        await using var returned = await ConnectUntilAccepted(survivor.Address, returning.Token, account, deadline);
        var sent = await Task.WhenAll(
            SendUntilAcknowledged(lost.Citizen, lost.ConversationId, "after", "还有人吗？", deadline),
            SendUntilAcknowledged(kept.Citizen, kept.ConversationId, "after", "还有人吗？", deadline));

        // The cluster first has to notice the dead silo if the conversation's or the account's grain lived there.
        var assigned = await standing.Next("conversationAssigned", e => e.IsFor(lost.ConversationId), ReminderDeadline);
        output.WriteLine($"requeued and assigned {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after the node was killed");
        Assert.Equal(standby.UserId, assigned.Str("agentId"));
        await lost.Citizen.Next("conversationTransferred", e => e.IsFor(lost.ConversationId));
        Assert.All(sent, seq => Assert.Equal(AssignedChat.Texts.Length + 1, seq));
        Assert.Equal([.. AssignedChat.Texts, "还有人吗？"], (await standing.Invoke<JsonElement[]>("GetHistory", lost.ConversationId, 0L)).Select(m => m.Str("text")));

        // The same check that handed the leaving agent's conversation back found the returning agent present.
        var mine = await returned.Invoke<JsonElement[]>("GetMyConversations", account);
        Assert.Equal([kept.ConversationId], mine.Select(c => c.Str("conversationId")));
        Assert.Equal([.. AssignedChat.Texts, "还有人吗？"], (await returned.Invoke<JsonElement[]>("GetHistory", kept.ConversationId, 0L)).Select(m => m.Str("text")));
        Assert.Empty(kept.Citizen.Received("conversationTransferred"));
    }

    /// <summary>A web node in its own process, to be killed.</summary>
    private static Task<HubProcess> StartDoomed(Dictionary<string, string> settings, Uri address) =>
        HubProcess.StartWeb(ClusterNodes.WithOwnPorts(settings), address);

    /// <summary>
    /// Connects as the pages do after losing their node: again, until a node accepts. A node
    /// closes a connection it could not open (the agent's account lived on the dead silo), and
    /// takes calls only once it has opened it, so a first call shows the connection holds.
    /// </summary>
    private static async Task<LiveClient> ConnectUntilAccepted(Uri address, string token, string accountId, DateTimeOffset deadline)
    {
        while (true)
        {
            LiveClient? client = null;
            try
            {
                client = await LiveClient.Connect(address, token);
                await client.Invoke<JsonElement[]>("GetMyConversations", accountId);
                return client;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
                await Task.Delay(RetryPause);
            }
        }
    }

    /// <summary>
    /// Sends as a client does after a failure: again with the same client message id, until the
    /// cluster has noticed the dead node and the conversation lives on again.
    /// </summary>
    private static async Task<long> SendUntilAcknowledged(LiveClient client, string conversationId, string clientMessageId, string text, DateTimeOffset deadline)
    {
        while (true)
        {
            try
            {
                return (await client.Invoke<JsonElement>("SendMessage", conversationId, clientMessageId, text)).Long("seq");
            }
            catch (HubException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(RetryPause);
            }
        }
    }

    /// <summary>
    /// An agent connected to the node about to die and available, and a citizen on the survivor
    /// whose new conversation goes to that agent and who has sent <see cref="Texts"/>, each acknowledged.
    /// </summary>
    private sealed record AssignedChat(string ConversationId, LiveClient Citizen, LiveClient Agent) : IAsyncDisposable
    {
        public static readonly string[] Texts = ["在吗？", "请回复"];

        public static async Task<AssignedChat> Start(Uri agentNode, HubApi citizenNode, string account, HubApi.SignedIn agent)
        {
            var agentClient = await LiveClient.Connect(agentNode, agent.Token);
            await agentClient.Invoke("SetAvailability", account, true);
            var citizen = await LiveClient.Connect(citizenNode.Address, (await citizenNode.Citizen()).Token);
            var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "坐席掉线")).Str("conversationId");
            await agentClient.Next("conversationAssigned", e => e.IsFor(id));
            for (var m = 0; m < Texts.Length; m++)
            {
                Assert.Equal(m + 1, (await citizen.Invoke<JsonElement>("SendMessage", id, $"before-{m}", Texts[m])).Long("seq"));
            }
            return new AssignedChat(id, citizen, agentClient);
        }

        public async ValueTask DisposeAsync()
        {
            await Citizen.DisposeAsync();
            await Agent.DisposeAsync();
        }
    }
}
