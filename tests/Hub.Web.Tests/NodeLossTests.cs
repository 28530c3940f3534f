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
        var settings = ClusterSettings(database);
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
        var settings = ClusterSettings(database);
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
    public async Task Conversations_of_an_agent_on_a_lost_node_go_to_an_agent_on_the_survivor_after_the_grace_period()
    {
        await using var database = await TestDatabase.Create();
        var settings = ClusterSettings(database);
        settings["Hub:Routing:AgentGracePeriod"] = "00:00:03";
        settings["Hub:Routing:PresenceLease"] = "00:00:02";
        settings["Hub:Routing:PresenceRenewal"] = "00:00:00.500";
        var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        await using var doomed = await StartDoomed(settings, doomedAddress);
        await using var survivor = new HubAppFactory(settings);
        var onSurvivor = new HubApi(survivor.Address);
        var account = await onSurvivor.Account("坐席故障测试");
        var lostAgentToken = (await onSurvivor.Agent(account, "将失联的坐席")).Token;
        var keptAgent = await onSurvivor.Agent(account, "留守坐席");
        await using var lostAgent = await LiveClient.Connect(doomedAddress, lostAgentToken);
        await lostAgent.Invoke("SetAvailability", account, true);
        await using var citizen = await LiveClient.Connect(survivor.Address, (await onSurvivor.Citizen()).Token);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "坐席掉线")).Str("conversationId");
        await lostAgent.Next("conversationAssigned", e => e.IsFor(id));
        await citizen.Invoke<JsonElement>("SendMessage", id, "before", "在吗？");
        await using var agent = await LiveClient.Connect(survivor.Address, keptAgent.Token);
        await agent.Invoke("SetAvailability", account, true);

        doomed.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        // The cluster first has to notice the dead silo if the conversation's grain lived there.
        var assigned = await agent.Next("conversationAssigned", e => e.IsFor(id), ReminderDeadline);
        output.WriteLine($"reassigned {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s after the node was killed");
        Assert.Equal(keptAgent.UserId, assigned.Str("agentId"));
        await citizen.Next("conversationTransferred", e => e.IsFor(id));
        var history = await agent.Invoke<JsonElement[]>("GetHistory", id, 0L);
        Assert.Equal(["在吗？"], history.Select(m => m.Str("text")));
    }

    private static Dictionary<string, string> ClusterSettings(TestDatabase database) => new()
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("HUB_TEST_REDIS")
            ?? throw new InvalidOperationException("HUB_TEST_REDIS is not set: run the tests with scripts/test.sh"),
        ["Hub:ClusterId"] = $"loss-{Guid.NewGuid():N}",
        ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
        ["Hub:Admin:Username"] = HubAppFactory.AdminUsername,
        ["Hub:Admin:Password"] = HubAppFactory.AdminPassword,
    };

    /// <summary>A web node in its own process, to be killed.</summary>
    private static Task<HubProcess> StartDoomed(Dictionary<string, string> settings, Uri address) =>
        HubProcess.StartWeb(new Dictionary<string, string>(settings)
        {
            ["Hub:SiloPort"] = HubAppFactory.FreePort().ToString(),
            ["Hub:GatewayPort"] = HubAppFactory.FreePort().ToString(),
        }, address);

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
}
