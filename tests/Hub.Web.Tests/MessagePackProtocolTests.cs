using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>JSON is the contract's protocol; a client may speak MessagePack to the same hub, and both see the same conversation.</summary>
[Collection(HubCollection.Name)]
public sealed class MessagePackProtocolTests(HubFixture hub)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_MessagePack_citizen_and_a_JSON_agent_chat_in_one_conversation()
    {
        var account = await hub.Api.Account();
        await using var agent = await hub.Connect((await hub.Api.Agent(account)).Token);
        await agent.Invoke("SetAvailability", account, true);
        var citizenToken = await hub.Api.Citizen();
        var pushed = Channel.CreateUnbounded<Dictionary<string, object?>>();
        await using var citizen = MessagePackConnection(citizenToken.Token);
        citizen.On<Dictionary<string, object?>>("message", message => pushed.Writer.TryWrite(message));
        await citizen.StartAsync();

        var started = await citizen.InvokeAsync<Dictionary<string, object?>>("StartConversation", account, "MessagePack");
        var id = (string)started["ConversationId"]!;
        var sent = await citizen.InvokeAsync<Dictionary<string, object?>>("SendMessage", id, "mp-1", "你好");
        Assert.Equal(1L, Convert.ToInt64(sent["Seq"]));
        var atAgent = await agent.Next("message", e => e.IsFor(id));
        Assert.Equal(("mp-1", "你好", citizenToken.UserId), (atAgent.Str("clientMessageId"), atAgent.Str("text"), atAgent.Str("senderId")));

        await agent.Invoke<JsonElement>("SendMessage", id, "a-1", "请讲");
        var reply = await NextFrom(pushed, m => (string?)m["SenderRole"] == "agent");
        Assert.Equal((id, 2L, "a-1", "请讲"), ((string?)reply["ConversationId"], Convert.ToInt64(reply["Seq"]), (string?)reply["ClientMessageId"], (string?)reply["Text"]));
    }

    private HubConnection MessagePackConnection(string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(hub.Api.Address, "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddMessagePackProtocol()
            .Build();

    private static async Task<Dictionary<string, object?>> NextFrom(Channel<Dictionary<string, object?>> pushed, Func<Dictionary<string, object?>, bool> match)
    {
        using var timeout = new CancellationTokenSource(Within);
        while (true)
        {
            var next = await pushed.Reader.ReadAsync(timeout.Token);
            if (match(next))
            {
                return next;
            }
        }
    }
}
