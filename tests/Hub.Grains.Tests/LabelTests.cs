using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LabelTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    private async Task<(string Account, Caller Supervisor)> AccountWithLabels()
    {
        var account = await _given.Account();
        var supervisor = Scenario.Staff(account, Roles.Supervisor);
        await Account(account).SetLabels(supervisor, ["咨询", " 投诉 ", "建议", "求助", "咨询"]);
        return (account, supervisor);
    }

    [Fact]
    public async Task The_supervisor_defines_the_labels_and_agents_put_them_on_conversations()
    {
        var (account, supervisor) = await AccountWithLabels();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);

        Assert.Equal(["咨询", "投诉", "建议", "求助"], await Account(account).GetLabels(agent));
        Assert.Equal(["投诉"], await conversation.AddLabel(agent, "投诉"));
        Assert.Equal(["投诉", "求助"], await conversation.AddLabel(supervisor, "求助"));
        Assert.Equal(["求助"], await conversation.RemoveLabel(agent, "投诉"));

        Assert.Equal(["求助"], (await conversation.Describe(agent)).Labels);
        Assert.Empty((await conversation.Describe(citizen)).Labels!);
        // The agent hears of the supervisor's change, not of their own, whose answer they already have.
        var heard = await ClusterFixture.Push.Next<ConversationLabelsChanged>(agent.UserId, ClientEvents.ConversationLabels,
            c => c.ConversationId == view.ConversationId);
        Assert.Equal(["投诉", "求助"], heard.Labels);
        Assert.Single(ClusterFixture.Push.SentTo<ConversationLabelsChanged>(agent.UserId, ClientEvents.ConversationLabels), c => c.ConversationId == view.ConversationId);
        Assert.Empty(ClusterFixture.Push.SentTo<ConversationLabelsChanged>(citizen.UserId, ClientEvents.ConversationLabels));
        var desk = await Account(account).GetServiceDesk(supervisor);
        Assert.Equal(["求助"], desk.Labels![view.ConversationId]);

        await conversation.Resolve(agent);
        Assert.False((await Account(account).GetServiceDesk(supervisor)).Labels!.ContainsKey(view.ConversationId));
        Assert.Equal(["求助"], (await conversation.Describe(agent)).Labels);
    }

    [Fact]
    public async Task An_unknown_label_or_a_caller_from_outside_the_account_is_refused_and_nothing_changes()
    {
        var (account, supervisor) = await AccountWithLabels();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        await conversation.AddLabel(agent, "咨询");
        var outsider = Scenario.Staff(await _given.Account(), Roles.Agent, Roles.Supervisor);

        await Rules.Refused(HubErrorCode.NotFound, () => conversation.AddLabel(agent, "闲聊"));
        await Rules.Refused(HubErrorCode.NotFound, () => conversation.RemoveLabel(agent, "投诉"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.AddLabel(citizen, "投诉"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.AddLabel(outsider, "投诉"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.RemoveLabel(outsider, "咨询"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.AddLabel(Scenario.Staff(account, Roles.Inspector), "投诉"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetLabels(agent, ["坐席自定"]));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetLabels(outsider, ["外单位"]));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetLabels(outsider));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetLabels(supervisor, ["咨询", " "]));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetLabels(supervisor, [new string('长', AccountGrain.MaxLabelLength + 1)]));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetLabels(supervisor, [.. Enumerable.Range(0, AccountGrain.MaxLabels + 1).Select(i => $"类{i}")]));

        Assert.Equal(["咨询"], (await conversation.Describe(agent)).Labels);
        Assert.Equal(["咨询", "投诉", "建议", "求助"], await Account(account).GetLabels(supervisor));
    }

    [Fact]
    public async Task A_label_dropped_from_the_set_stays_on_its_conversations_until_taken_off()
    {
        var (account, supervisor) = await AccountWithLabels();
        var agent = await _given.Agent(account);
        var (conversation, _) = await _given.Start(account, Scenario.Citizen());
        await conversation.AddLabel(agent, "建议");

        await Account(account).SetLabels(supervisor, ["咨询", "投诉"]);

        Assert.Equal(["建议"], (await conversation.Describe(agent)).Labels);
        await Rules.Refused(HubErrorCode.NotFound, () => conversation.AddLabel(agent, "求助"));
        Assert.Empty(await conversation.RemoveLabel(agent, "建议"));
    }
}
