using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Web.Tests;

/// <summary>Every refused hub call names the contract's code, stores nothing, and leaves the connection usable.</summary>
[Collection(HubCollection.Name)]
public sealed class HubErrorTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task Refused_calls_carry_the_contract_code_and_the_connection_stays_open()
    {
        var account = await Api.Account();
        var agentToken = await Api.Agent(account);
        await using var agent = await hub.Connect(agentToken.Token);
        await agent.Invoke("SetAvailability", account, true);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);
        await using var stranger = await hub.Connect((await Api.Citizen("路人")).Token);
        await using var anonymous = await hub.Connect(token: null);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "测试")).Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(id));

        await HubAssert.Refused("unauthorized", anonymous.Invoke<JsonElement>("StartConversation", account, "x"));
        await HubAssert.Refused("forbidden", agent.Invoke<JsonElement>("StartConversation", account, "x"));
        await HubAssert.Refused("forbidden", stranger.Invoke<JsonElement>("SendMessage", id, "s-1", "hi"));
        await HubAssert.Refused("forbidden", stranger.Invoke<JsonElement[]>("GetHistory", id, 0L));
        await HubAssert.Refused("forbidden", stranger.Invoke("SetAvailability", account, true));
        await HubAssert.Refused("forbidden", citizen.Invoke("ResolveConversation", id));
        await HubAssert.Refused("not_found", citizen.Invoke<JsonElement>("StartConversation", "no-such-account", "x"));
        await HubAssert.Refused("not_found", citizen.Invoke<JsonElement>("SendMessage", "no-such-conversation", "c-1", "x"));
        await HubAssert.Refused("bad_request", citizen.Invoke<JsonElement>("StartConversation", "Bad Account!", "x"));
        await HubAssert.Refused("bad_request", citizen.Invoke<JsonElement>("SendMessage", id, "c-1", ""));
        await HubAssert.Refused("bad_request", citizen.Invoke<JsonElement>("SendMessage", id, "", "x"));
        await HubAssert.Refused("not_found", citizen.Invoke<JsonElement>("SendMessage", "", "c-1", "x"));
        await HubAssert.Refused("too_large", citizen.Invoke<JsonElement>("SendMessage", id, "c-1", new string('长', 4001)));
        await HubAssert.Refused("conflict", citizen.Invoke("RateConversation", id, 5));
        await agent.Invoke("ResolveConversation", id);
        await HubAssert.Refused("bad_request", citizen.Invoke("RateConversation", id, 0));
        await HubAssert.Refused("bad_request", citizen.Invoke("RateConversation", id, 6));
        await HubAssert.Refused("conflict", citizen.Invoke<JsonElement>("SendMessage", id, "c-2", "x"));

        Assert.Empty(await citizen.Invoke<JsonElement[]>("GetHistory", id, 0L));
        Assert.All([agent, citizen, stranger, anonymous], c => Assert.Equal(HubConnectionState.Connected, c.Connection.State));
        await citizen.Invoke("RateConversation", id, 3);
    }

    [Fact]
    public async Task A_forged_token_cannot_open_a_connection()
    {
        var token = (await Api.Citizen()).Token;
        var forged = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => hub.Connect(forged));

        Assert.Contains("'401'", refused.Message);
    }

    [Fact]
    public async Task An_oversized_frame_closes_only_that_connection()
    {
        var account = await Api.Account();
        var token = (await Api.Citizen()).Token;
        var flooder = await hub.Connect(token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flooder.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        _ = flooder.Connection.SendCoreAsync("SendMessage", ["any", "c-1", new string('x', 200_000)]);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await using var next = await hub.Connect(token);
        var started = await next.Invoke<JsonElement>("StartConversation", account, "still up");
        Assert.Equal("queued", started.Str("status"));
        await flooder.DisposeAsync();
    }
}
