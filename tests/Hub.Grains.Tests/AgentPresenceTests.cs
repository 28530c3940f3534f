using Hub.Grains.Accounts;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

/// <summary>Agents are present while a node renews their lease; one gone past the grace period hands their conversations back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentPresenceTests(ClusterFixture fixture)
{
    private static readonly RoutingOptions Routing = new();

    private readonly Scenario _given = new(fixture);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    [Fact]
    public async Task An_agent_whose_lease_ran_out_takes_nothing_until_a_node_renews_it()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);

        ClusterFixture.Time.Advance(Routing.PresenceLease);
        var (_, queued) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal("queued", queued.Status);

        await Account(account).RenewPresence("another-node", [agent.UserId]);

        var assigned = await ClusterFixture.Push.Next<ConversationAssigned>(agent.UserId, ClientEvents.ConversationAssigned,
            a => a.ConversationId == queued.ConversationId);
        Assert.Equal(agent.UserId, assigned.AgentId);
    }

    [Fact]
    public async Task Conversations_of_an_agent_gone_past_the_grace_period_go_to_an_agent_who_is_there()
    {
        var account = await _given.Account();
        var gone = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);
        Assert.Equal(gone.UserId, view.AgentId);
        var present = await _given.Agent(account);

        ClusterFixture.Time.Advance(Routing.PresenceLease + Routing.AgentGracePeriod);
        await Account(account).RenewPresence(Scenario.Node, [present.UserId]);

        var reassigned = await ClusterFixture.Push.Next<ConversationAssigned>(present.UserId, ClientEvents.ConversationAssigned,
            a => a.ConversationId == view.ConversationId);
        Assert.Equal((ConversationGrain.HandBackNote, ConversationGrain.HandedBack), (reassigned.TransferNote, reassigned.TransferReason));
        var told = ClusterFixture.Push.SentTo<ConversationTransferred>(citizen.UserId, ClientEvents.ConversationTransferred);
        Assert.Contains(told, t => t.ConversationId == view.ConversationId && t.Note == ConversationGrain.HandBackNote);
        Assert.Equal(present.UserId, (await conversation.Describe(citizen)).AgentId);
        Assert.Empty(await Account(account).GetOpenConversations(gone.UserId));
    }

    [Fact]
    public async Task An_agent_back_within_the_grace_period_keeps_their_conversations()
    {
        var account = await _given.Account();
        var returning = await _given.Agent(account);
        var returningCitizen = Scenario.Citizen();
        var (kept, _) = await _given.Start(account, returningCitizen);
        await _given.SetAvailable(account, returning, false);
        var vanished = await _given.Agent(account);
        var (_, lost) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal(vanished.UserId, lost.AgentId);

        // The vanished agent's lease runs out with the other's; only the returning agent's node renews in between.
        ClusterFixture.Time.Advance(Routing.PresenceLease * 2);
        await Account(account).RenewPresence(Scenario.Node, [returning.UserId]);
        ClusterFixture.Time.Advance(Routing.AgentGracePeriod - Routing.PresenceLease);

        await ClusterFixture.Push.Next<ConversationTransferred>(vanished.UserId, ClientEvents.ConversationTransferred,
            t => t.ConversationId == lost.ConversationId);
        Assert.Equal(returning.UserId, (await kept.Describe(returningCitizen)).AgentId);
        Assert.Equal([kept.GetPrimaryKeyString()], await Account(account).GetOpenConversations(returning.UserId));
    }
}
