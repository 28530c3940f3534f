using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Web.Tests;

/// <summary>
/// PostgreSQL goes down while citizens chat: calls fail with a clear "unavailable" error,
/// succeed again once it is back, and nothing that was acknowledged is lost or doubled.
/// </summary>
public sealed class PostgresRestartTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Calls_fail_clearly_while_the_database_is_down_and_nothing_acknowledged_is_lost()
    {
        await using var database = await PostgresServer.Start();
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database.ConnectionString });
        var api = new HubApi(node.Address);
        var account = await api.Account("数据库重启测试");
        await using var citizen = await LiveClient.Connect(api.Address, (await api.Citizen()).Token);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "数据库重启")).Str("conversationId");
        for (var m = 1; m <= 3; m++)
        {
            await citizen.Invoke<JsonElement>("SendMessage", id, $"m-{m}", $"消息 {m}");
        }

        await database.Stop();
        await HubAssert.Refused("unavailable", citizen.Invoke<JsonElement>("SendMessage", id, "m-4", "消息 4"));
        await database.Restart();

        var deadline = DateTimeOffset.UtcNow + RecoveryDeadline;
        while (true)
        {
            try
            {
                Assert.Equal(4, (await citizen.Invoke<JsonElement>("SendMessage", id, "m-4", "消息 4")).Long("seq"));
                break;
            }
            catch (HubException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(RetryPause);
            }
        }
        var history = await citizen.Invoke<JsonElement[]>("GetHistory", id, 0L);
        Assert.Equal(["消息 1", "消息 2", "消息 3", "消息 4"], history.Select(h => h.Str("text")));
    }
}
