using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ServiceDeskTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    [Fact]
    public async Task A_supervisor_sees_the_queue_and_every_agents_presence_and_load()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var (_, serving) = await _given.Start(account, Scenario.Citizen());
        await _given.SetAvailable(account, agent, false);
        var (_, waiting) = await _given.Start(account, Scenario.Citizen());

        var desk = await Account(account).GetServiceDesk(Scenario.Staff(account, Roles.Supervisor));

        var queued = Assert.Single(desk.Queue);
        Assert.Equal((waiting.ConversationId, 1, "咨询"), (queued.ConversationId, queued.Position, queued.Subject));
        var load = Assert.Single(desk.Agents);
        Assert.Equal((agent.UserId, false, true, ClusterFixture.AgentCapacity), (load.AgentId, load.Available, load.Present, load.Capacity));
        Assert.Equal([serving.ConversationId], load.ConversationIds);
        var otherAccount = await _given.Account();
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetServiceDesk(Scenario.Staff(account, Roles.Agent)));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetServiceDesk(Scenario.Staff(otherAccount, Roles.Supervisor)));
    }

    [Fact]
    public async Task Each_agent_can_have_a_capacity_of_their_own()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var supervisor = Scenario.Staff(account, Roles.Supervisor);
        await Account(account).SetAgentCapacity(supervisor, agent.UserId, 1);

        await _given.Start(account, Scenario.Citizen());
        var (_, second) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal("queued", second.Status);

        await Account(account).SetAgentCapacity(supervisor, agent.UserId, 2);

        await ClusterFixture.Push.Next<ConversationAssigned>(agent.UserId, ClientEvents.ConversationAssigned, a => a.ConversationId == second.ConversationId);
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetAgentCapacity(supervisor, agent.UserId, 0));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).SetAgentCapacity(supervisor, "s-nobody", 2));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetAgentCapacity(agent, agent.UserId, 50));
    }

    [Fact]
    public async Task A_supervisor_moves_a_conversation_to_a_named_agent_who_is_connected()
    {
        var account = await _given.Account();
        var first = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);
        var second = await _given.Agent(account);
        var supervisor = Scenario.Staff(account, Roles.Supervisor) with { DisplayName = "值班长" };

        await Account(account).Reassign(supervisor, view.ConversationId, second.UserId);

        Assert.Equal(second.UserId, (await conversation.Describe(citizen)).AgentId);
        Assert.Empty(await Account(account).GetOpenConversations(first.UserId));
        var told = ClusterFixture.Push.SentTo<ConversationTransferred>(citizen.UserId, ClientEvents.ConversationTransferred);
        Assert.Contains(told, t => t.ConversationId == view.ConversationId && t.Note.Contains("值班长") && t.Reason == ConversationGrain.Reassigned);
        Assert.Equal(ConversationGrain.Reassigned, (await conversation.Describe(citizen)).TransferReason);
        var absent = await _given.Agent(account);
        await Account(account).LeavePresence(Scenario.Node, absent.UserId);
        await Rules.Refused(HubErrorCode.Conflict, () => Account(account).Reassign(supervisor, view.ConversationId, absent.UserId));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).Reassign(supervisor, view.ConversationId, "s-nobody"));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).Reassign(supervisor, $"{Guid.NewGuid():N}", second.UserId));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).Reassign(first, view.ConversationId, first.UserId));
    }
}
