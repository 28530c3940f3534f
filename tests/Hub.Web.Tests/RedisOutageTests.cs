using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// Redis carries pushes between web nodes. While it is away a node still serves its own
/// clients, and pushes cross nodes again once it is back. Each test runs a redis-server of
/// its own, so it can take it away.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_single_node_keeps_delivering_to_its_own_clients_while_redis_is_down()
    {
        using var redis = await RedisServer.Start();
        await using var node = new HubAppFactory(Settings(redis));
        var api = new HubApi(node.Address);
        var (citizen, agent, id) = await Chat(api, api);
        await using var _ = citizen;
        await using var __ = agent;

        redis.Stop();
        var seq = (await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", "Redis 不在时发送")).Long("seq");

        Assert.Equal("Redis 不在时发送", (await agent.Next("message", m => m.IsFor(id) && m.Long("seq") == seq)).Str("text"));
    }

    [Fact]
    public async Task Pushes_cross_nodes_again_once_redis_is_back()
    {
        using var redis = await RedisServer.Start();
        var settings = Settings(redis);
        await using var first = new HubAppFactory(settings);
        await using var second = new HubAppFactory(new Dictionary<string, string>(settings)
        {
            ["Hub:PrimarySiloEndpoint"] = $"127.0.0.1:{first.Setting("Hub:SiloPort")}",
        });
        var (citizen, agent, id) = await Chat(new HubApi(first.Address), new HubApi(second.Address));
        await using var _ = citizen;
        await using var __ = agent;

        redis.Stop();
        await redis.Restart();

        var deadline = DateTimeOffset.UtcNow + RecoveryDeadline;
        for (var attempt = 1; ; attempt++)
        {
            // A message sent before the nodes are back on Redis reaches only its own node: send until one crosses.
            await citizen.Invoke<JsonElement>("SendMessage", id, $"c-after-{attempt}", "Redis 回来之后");
            try
            {
                await agent.Next("message", m => m.IsFor(id), ResendPause);
                return;
            }
            catch (TimeoutException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }

    private static Dictionary<string, string> Settings(RedisServer redis) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Hub:ClusterId"] = $"outage-{Guid.NewGuid():N}",
        ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
    };

    /// <summary>A citizen (on one node) whose conversation an available agent (on the other) has taken.</summary>
    private static async Task<(LiveClient Citizen, LiveClient Agent, string ConversationId)> Chat(HubApi citizenNode, HubApi agentNode)
    {
        var account = await citizenNode.Account("Redis 故障测试");
        var agent = await LiveClient.Connect(agentNode.Address, (await agentNode.Agent(account)).Token);
        await agent.Invoke("SetAvailability", account, true);
        var citizen = await LiveClient.Connect(citizenNode.Address, (await citizenNode.Citizen()).Token);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "断网测试")).Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(id));
        return (citizen, agent, id);
    }
}
