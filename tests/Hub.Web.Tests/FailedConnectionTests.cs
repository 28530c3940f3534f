using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>
/// A connection whose opening fails half-way (the account grain unreachable during a failover)
/// is closed by SignalR without OnDisconnected; the node must not go on vouching for that agent.
/// </summary>
public sealed class FailedConnectionTests
{
    [Fact]
    public async Task An_agent_whose_connection_failed_to_open_is_not_kept_present_and_gets_no_conversation()
    {
        var renewals = new FaultyPresenceRenewals();
        await using var node = new HubAppFactory(
            new Dictionary<string, string> { ["Hub:Routing:PresenceRenewal"] = "00:00:00.2" },
            services: s => s.AddSingleton<IOutgoingGrainCallFilter>(renewals));
        var api = new HubApi(node.Address);
        var account = await api.Account();
        var ghost = await api.Agent(account, "甲坐席");
        var witness = await api.Agent(account, "乙坐席");
        await using (var earlier = await LiveClient.Connect(node.Address, ghost.Token))
        {
            await earlier.Invoke("SetAvailability", account, true);
        }

        renewals.Failing = true;
        await using var refused = await LiveClient.Connect(node.Address, ghost.Token);
        await Assert.ThrowsAnyAsync<Exception>(() => refused.Invoke<JsonElement>("GetMyConversations", account));
        renewals.Failing = false;

        await using var present = await LiveClient.Connect(node.Address, witness.Token);
        // A call answered means the connection is open, so the next renewal is the node's own round.
        await present.Invoke<JsonElement>("GetMyConversations", account);
        var renewed = await renewals.NextRenewal(account);
        Assert.Equal([witness.UserId], renewed);
        var citizen = await api.Citizen();
        await using var page = await LiveClient.Connect(node.Address, citizen.Token);
        var started = await page.Invoke<JsonElement>("StartConversation", account, "路灯不亮");
        Assert.Equal(("queued", true), (started.Str("status"), started.GetProperty("leftMessage").GetBoolean()));
    }
}
