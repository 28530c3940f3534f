using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// Redis carries pushes between web nodes. While it is away a node still serves its own
/// clients, and pushes cross nodes again once it is back.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_node_serves_its_own_clients_without_redis_and_nodes_meet_again_when_it_returns()
    {
        using var redis = await RedisServer.Start();
        var shared = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Hub:ClusterId"] = $"outage-{Guid.NewGuid():N}",
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
        };
        await using var first = new HubAppFactory(shared);
        await using var second = new HubAppFactory(new Dictionary<string, string>(shared)
        {
            ["Hub:PrimarySiloEndpoint"] = $"127.0.0.1:{first.Setting("Hub:SiloPort")}",
        });
        var onFirst = new HubApi(first.Address);
        var onSecond = new HubApi(second.Address);
        var account = await onFirst.Account("Redis 故障测试");
        var citizenToken = (await onFirst.Citizen()).Token;
        await using var agent = await LiveClient.Connect(onSecond.Address, (await onSecond.Agent(account)).Token);
        await agent.Invoke("SetAvailability", account, true);
        await using var citizen = await LiveClient.Connect(onFirst.Address, citizenToken);
        await using var citizenOtherTab = await LiveClient.Connect(onFirst.Address, citizenToken);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "断网测试")).Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(id));

        redis.Stop();
        var seq = (await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", "Redis 不在时发送")).Long("seq");
        await citizenOtherTab.Next("message", m => m.IsFor(id) && m.Long("seq") == seq);

        await redis.Restart();
        var deadline = DateTimeOffset.UtcNow + RecoveryDeadline;
        for (var attempt = 1; ; attempt++)
        {
            // A message sent before the nodes are back on Redis reaches only its own node: send until one crosses.
            await citizen.Invoke<JsonElement>("SendMessage", id, $"c-after-{attempt}", "Redis 回来之后");
            try
            {
                await agent.Next("message", m => m.IsFor(id) && m.Long("seq") > seq, ResendPause);
                return;
            }
            catch (TimeoutException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }
}
