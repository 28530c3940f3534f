using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ColleagueTransferTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    [Fact]
    public async Task An_agent_hands_a_conversation_to_a_named_colleague_who_sees_the_history_and_the_note()
    {
        var account = await _given.Account();
        var first = (await _given.Agent(account)) with { DisplayName = "王坐席" };
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);
        await conversation.Send(citizen, "c-1", "我要咨询公积金提取");
        var second = await _given.Agent(account);

        Assert.Contains(await Account(account).GetTransferTargets(first), c => c.AgentId == second.UserId);
        await Account(account).TransferToAgent(first, view.ConversationId, second.UserId, "市民需要公积金专席，已核实身份");

        var seen = await conversation.Describe(second);
        Assert.Equal((second.UserId, "assigned", ConversationGrain.TransferredToColleague), (seen.AgentId, seen.Status, seen.TransferReason));
        Assert.Contains("王坐席", seen.TransferNote);
        Assert.Equal("我要咨询公积金提取", Assert.Single(await conversation.GetHistory(second, 0)).Text);
        Assert.Equal("市民需要公积金专席，已核实身份", Assert.Single(await conversation.GetNotes(second)).Text);
        Assert.Empty(await Account(account).GetOpenConversations(first.UserId));
        Assert.Equal([view.ConversationId], await Account(account).GetOpenConversations(second.UserId));
        await ClusterFixture.Push.Next<ConversationAssigned>(second.UserId, ClientEvents.ConversationAssigned,
            a => a.ConversationId == view.ConversationId && a.TransferReason == ConversationGrain.TransferredToColleague);
        var told = await ClusterFixture.Push.Next<ConversationTransferred>(citizen.UserId, ClientEvents.ConversationTransferred,
            t => t.ConversationId == view.ConversationId);
        Assert.DoesNotContain("公积金专席", told.Note);
        Assert.DoesNotContain("公积金专席", (await conversation.Describe(citizen)).TransferNote);
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Send(first, "a-1", "我还在吗"));
    }

    [Fact]
    public async Task A_colleague_who_cannot_take_it_now_or_is_unknown_is_refused_and_nothing_moves()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var (conversation, view) = await _given.Start(account, Scenario.Citizen());
        var paused = await _given.Agent(account, available: false);
        var gone = await _given.Agent(account);
        await Account(account).LeavePresence(Scenario.Node, gone.UserId);
        var press = Scenario.Staff(account, Roles.Press);
        await Account(account).SetStaff(new StaffMember(press.UserId, press.DisplayName, press.Roles));
        var full = await _given.Agent(account);
        await Account(account).SetAgentCapacity(Scenario.Staff(account, Roles.Supervisor), full.UserId, 1);
        await _given.Start(account, Scenario.Citizen());

        var targets = await Account(account).GetTransferTargets(agent);
        Assert.DoesNotContain(targets, c => c.AgentId == paused.UserId || c.AgentId == gone.UserId || c.AgentId == full.UserId);
        await Rules.Refused(HubErrorCode.Conflict, () => Account(account).TransferToAgent(agent, view.ConversationId, paused.UserId, "请接"));
        await Rules.Refused(HubErrorCode.Conflict, () => Account(account).TransferToAgent(agent, view.ConversationId, gone.UserId, "请接"));
        await Rules.Refused(HubErrorCode.Conflict, () => Account(account).TransferToAgent(agent, view.ConversationId, full.UserId, "请接"));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).TransferToAgent(agent, view.ConversationId, press.UserId, "请接"));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).TransferToAgent(agent, view.ConversationId, "s-nobody", "请接"));
        await Rules.Refused(HubErrorCode.NotFound, () => Account(account).TransferToAgent(agent, $"{Guid.NewGuid():N}", full.UserId, "请接"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).TransferToAgent(full, view.ConversationId, full.UserId, "抢单"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).TransferToAgent(Scenario.Staff(account, Roles.Supervisor), view.ConversationId, full.UserId, "请接"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetTransferTargets(Scenario.Citizen()));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).TransferToAgent(agent, view.ConversationId, agent.UserId, "给自己"));

        Assert.Equal(agent.UserId, (await conversation.Describe(agent)).AgentId);
        Assert.Empty(await conversation.GetNotes(agent));
        Assert.Equal([view.ConversationId], await Account(account).GetOpenConversations(agent.UserId));
    }
}
