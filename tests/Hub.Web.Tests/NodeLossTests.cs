using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Web.Tests;

/// <summary>
/// A web node in its own process holds the citizens' connections and their conversations'
/// grains, and is killed while they chat. The citizens reconnect to the surviving node and
/// send again what was not acknowledged: every acknowledged message is in the history
/// afterwards, exactly once, because it was in the message log before it was acknowledged.
/// </summary>
public sealed class NodeLossTests
{
    private const int Citizens = 6;
    private const int MessagesBefore = 3;
    private const int MessagesAfter = 3;
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Every_acknowledged_message_survives_the_loss_of_the_node_that_held_its_conversation()
    {
        await using var database = await TestDatabase.Create();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("HUB_TEST_REDIS")
                ?? throw new InvalidOperationException("HUB_TEST_REDIS is not set: run the tests with scripts/test.sh"),
            ["Hub:ClusterId"] = $"loss-{Guid.NewGuid():N}",
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
            ["Hub:Admin:Username"] = HubAppFactory.AdminUsername,
            ["Hub:Admin:Password"] = HubAppFactory.AdminPassword,
        };
        var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        var doomed = await HubProcess.StartWeb(new Dictionary<string, string>(settings)
        {
            ["Hub:SiloPort"] = HubAppFactory.FreePort().ToString(),
            ["Hub:GatewayPort"] = HubAppFactory.FreePort().ToString(),
        }, doomedAddress);
        await using var _ = doomed;
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
