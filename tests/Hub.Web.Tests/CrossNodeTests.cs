using System.Text.Json;
using Hub.Grains.Limits;

namespace Hub.Web.Tests;

/// <summary>
/// Two web nodes in one Orleans cluster, joined by the Redis backplane started by the Test
/// command: a citizen on one node and an agent on the other chat while the conversation
/// grains live on either silo, and every message arrives once.
/// </summary>
public sealed class CrossNodeTests : IAsyncLifetime
{
    private const string RedisVariable = "HUB_TEST_REDIS";
    private const int Conversations = 6;

    private HubAppFactory _first = null!;
    private HubAppFactory _second = null!;

    public Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable)
            ?? throw new InvalidOperationException($"{RedisVariable} is not set: run the tests with scripts/test.sh, which starts Redis");
        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Hub:ClusterId"] = $"cross-{Guid.NewGuid():N}",
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
            // One citizen holds all of the test's conversations with one account.
            ["Hub:Limits:OpenConversationsPerAccount"] = $"{Conversations}",
        };
        _first = new HubAppFactory(shared);
        _ = _first.Address;
        _second = new HubAppFactory(new Dictionary<string, string>(shared)
        {
            ["Hub:PrimarySiloEndpoint"] = $"127.0.0.1:{_first.Setting("Hub:SiloPort")}",
        });
        _ = _second.Address;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_citizen_on_one_node_and_an_agent_on_the_other_get_every_message_once()
    {
        var onFirst = new HubApi(_first.Address);
        var onSecond = new HubApi(_second.Address);
        var account = await onFirst.Account("跨节点热线");
        var agentToken = await onSecond.Agent(account);
        await using var agent = await LiveClient.Connect(onSecond.Address, agentToken.Token);
        await agent.Invoke("SetAvailability", account, true);
        await using var citizen = await LiveClient.Connect(onFirst.Address, (await onFirst.Citizen()).Token);

        var ids = new List<string>();
        for (var i = 0; i < Conversations; i++)
        {
            var id = (await citizen.Invoke<JsonElement>("StartConversation", account, $"咨询 {i}")).Str("conversationId");
            ids.Add(id);
            await agent.Next("conversationAssigned", e => e.IsFor(id));
            await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", $"你好 {i}");
            await agent.Invoke<JsonElement>("SendMessage", id, "a-1", $"您好 {i}");
            if (i % 2 == 1)
            {
                await agent.Invoke("ResolveConversation", id);
            }
        }

        foreach (var id in ids)
        {
            await citizen.Next("message", m => m.IsFor(id) && m.Long("seq") == 2);
            await agent.Next("message", m => m.IsFor(id) && m.Long("seq") == 2);
        }
        Assert.All(ids, id => Assert.Equal([1L, 2L], citizen.Received("message").Where(m => m.IsFor(id)).Select(m => m.Long("seq"))));
        Assert.All(ids, id => Assert.Equal([1L, 2L], agent.Received("message").Where(m => m.IsFor(id)).Select(m => m.Long("seq"))));
    }

    [Fact]
    public async Task A_citizens_message_limit_counts_their_sends_on_every_node()
    {
        var onFirst = new HubApi(_first.Address);
        var account = await onFirst.Account("跨节点限流");
        var token = (await onFirst.Citizen()).Token;
        await using var viaFirst = await LiveClient.Connect(_first.Address, token);
        await using var viaSecond = await LiveClient.Connect(_second.Address, token);
        var id = (await viaFirst.Invoke<JsonElement>("StartConversation", account, "限流")).Str("conversationId");
        var permits = new LimitOptions().Messages.Permits;

        for (var i = 0; i < permits; i++)
        {
            await (i % 2 == 0 ? viaFirst : viaSecond).Invoke<JsonElement>("SendMessage", id, $"m{i}", $"消息 {i}");
        }

        await HubAssert.Refused("rate_limited", viaFirst.Invoke<JsonElement>("SendMessage", id, "over-1", "多一条"));
        await HubAssert.Refused("rate_limited", viaSecond.Invoke<JsonElement>("SendMessage", id, "over-2", "再多一条"));
        Assert.Equal(permits, (await viaSecond.Invoke<JsonElement[]>("GetHistory", id, 0L)).Length);
    }
}
