using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Web.Tests;

/// <summary>
/// Per-user limits on a node configured with small ones: a refused call answers rate_limited,
/// stores nothing and leaves the connection open. Tokens expire and close their connections.
/// </summary>
public sealed class UserLimitTests : IAsyncLifetime
{
    private readonly HubAppFactory _node = new(new Dictionary<string, string>
    {
        ["Hub:Limits:Messages:Permits"] = "4",
        ["Hub:Limits:Typing:Permits"] = "2",
        ["Hub:Limits:ConversationStarts:Permits"] = "4",
        ["Hub:Limits:OpenConversationsPerAccount"] = "2",
        ["Hub:Auth:CitizenTokenLifetime"] = "00:00:03",
    });

    private HubApi _api = null!;

    public Task InitializeAsync()
    {
        _api = new HubApi(_node.Address);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Fact]
    public async Task Messages_and_typing_beyond_the_limit_are_refused_and_not_stored()
    {
        var account = await _api.Account();
        await using var citizen = await LiveClient.Connect(_api.Address, (await _api.Citizen()).Token);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "限流")).Str("conversationId");

        for (var i = 1; i <= 4; i++)
        {
            await citizen.Invoke<JsonElement>("SendMessage", id, $"m{i}", $"第{i}条");
        }
        await HubAssert.Refused("rate_limited", citizen.Invoke<JsonElement>("SendMessage", id, "m5", "第5条"));
        await citizen.Invoke("SetTyping", id, true);
        await citizen.Invoke("SetTyping", id, false);
        await HubAssert.Refused("rate_limited", citizen.Invoke("SetTyping", id, true));

        var history = await citizen.Invoke<JsonElement[]>("GetHistory", id, 0L);
        Assert.Equal(["m1", "m2", "m3", "m4"], history.Select(m => m.Str("clientMessageId")));
        Assert.Equal(HubConnectionState.Connected, citizen.Connection.State);
    }

    [Fact]
    public async Task A_citizen_holds_only_a_few_open_conversations_with_one_account()
    {
        var (account, other) = (await _api.Account(), await _api.Account());
        await using var citizen = await LiveClient.Connect(_api.Address, (await _api.Citizen()).Token);

        await citizen.Invoke<JsonElement>("StartConversation", account, "一");
        await citizen.Invoke<JsonElement>("StartConversation", account, "二");
        await HubAssert.Refused("rate_limited", citizen.Invoke<JsonElement>("StartConversation", account, "三"));
        await citizen.Invoke<JsonElement>("StartConversation", other, "四");
        await HubAssert.Refused("rate_limited", citizen.Invoke<JsonElement>("StartConversation", other, "五"));
    }

    [Fact]
    public async Task A_connection_closes_when_its_token_expires()
    {
        var citizen = await _api.Citizen();
        await using var live = await LiveClient.Connect(_api.Address, citizen.Token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
    }
}
