using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RoutingTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    [Fact]
    public async Task Routes_to_the_agent_with_fewest_open_conversations_and_breaks_ties_by_longest_wait()
    {
        var account = await _given.Account();
        var first = await _given.Agent(account);
        Scenario.Tick();
        var second = await _given.Agent(account);
        Scenario.Tick();

        var (_, c1) = await _given.Start(account, Scenario.Citizen());
        Scenario.Tick();
        var (_, c2) = await _given.Start(account, Scenario.Citizen());
        Scenario.Tick();
        var (_, c3) = await _given.Start(account, Scenario.Citizen());

        Assert.Equal(first.UserId, c1.AgentId);
        Assert.Equal(second.UserId, c2.AgentId);
        Assert.Equal(first.UserId, c3.AgentId);
        Assert.All([c1, c2, c3], c => Assert.Equal("assigned", c.Status));
    }

    [Fact]
    public async Task Queues_beyond_capacity_and_drains_first_in_first_out_when_capacity_frees()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var (first, _) = await _given.Start(account, Scenario.Citizen());
        await _given.Start(account, Scenario.Citizen());
        var thirdCitizen = Scenario.Citizen();
        var (third, thirdView) = await _given.Start(account, thirdCitizen);
        var fourthCitizen = Scenario.Citizen();
        var (fourth, fourthView) = await _given.Start(account, fourthCitizen);

        Assert.Equal(("queued", 1), (thirdView.Status, thirdView.QueuePosition));
        Assert.Equal(("queued", 2), (fourthView.Status, fourthView.QueuePosition));

        await first.Resolve(agent);

        Assert.Equal(agent.UserId, (await third.Describe(thirdCitizen)).AgentId);
        var stillQueued = await fourth.Describe(fourthCitizen);
        Assert.Equal("queued", stillQueued.Status);
        Assert.Contains(ClusterFixture.Push.SentTo<ConversationStatusChanged>(fourthCitizen.UserId, ClientEvents.ConversationStatus),
            s => s.Status == "queued" && s.QueuePosition == 1);
        Assert.Equal(ClusterFixture.AgentCapacity,
            (await fixture.Grains.GetGrain<IAccountGrain>(account).GetOpenConversations(agent.UserId)).Count);
    }

    [Fact]
    public async Task A_queue_drains_in_order_when_an_agent_becomes_available()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account, available: false);
        var firstCitizen = Scenario.Citizen();
        var secondCitizen = Scenario.Citizen();
        var (first, _) = await _given.Start(account, firstCitizen);
        var (second, _) = await _given.Start(account, secondCitizen);

        await _given.SetAvailable(account, agent, true);

        Assert.Equal(agent.UserId, (await first.Describe(firstCitizen)).AgentId);
        Assert.Equal(agent.UserId, (await second.Describe(secondCitizen)).AgentId);
        var assigned = ClusterFixture.Push.SentTo<ConversationAssigned>(agent.UserId, ClientEvents.ConversationAssigned);
        Assert.Equal([first.GetPrimaryKeyString(), second.GetPrimaryKeyString()], assigned.Select(a => a.ConversationId));
    }

    [Fact]
    public async Task An_agent_who_goes_unavailable_or_offline_gets_no_new_conversations_but_keeps_open_ones()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (kept, _) = await _given.Start(account, citizen);

        await _given.SetAvailable(account, agent, false);
        var (_, queued) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal("queued", queued.Status);
        Assert.Equal(agent.UserId, (await kept.Describe(citizen)).AgentId);

        await _given.SetAvailable(account, agent, true);
        await fixture.Grains.GetGrain<IAccountGrain>(account).LeavePresence(Scenario.Node, agent.UserId);
        var (_, afterOffline) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal("queued", afterOffline.Status);
    }

    [Fact]
    public async Task Only_agents_of_the_account_set_availability()
    {
        var account = await _given.Account();
        var press = Scenario.Staff(account, Roles.Press);
        await fixture.Grains.GetGrain<IAccountGrain>(account).SetStaff(new StaffMember(press.UserId, press.DisplayName, press.Roles));

        await Rules.Refused(HubErrorCode.Forbidden, () => _given.SetAvailable(account, press, true));
        await Rules.Refused(HubErrorCode.Forbidden, () => _given.SetAvailable(account, Scenario.Staff(account, Roles.Agent), true));
    }

    [Fact]
    public async Task Starting_is_refused_for_unknown_or_malformed_accounts_and_for_staff()
    {
        var account = await _given.Account();
        await Rules.Refused(HubErrorCode.NotFound, () => _given.Start("no-such-account", Scenario.Citizen()));
        await Rules.Refused(HubErrorCode.BadRequest, () => _given.Start("Bad Id!", Scenario.Citizen()));
        await Rules.Refused(HubErrorCode.Forbidden, () => _given.Start(account, Scenario.Staff(account, Roles.Agent)));
    }

    [Fact]
    public async Task Account_ids_are_unique_in_the_directory()
    {
        var directory = fixture.Grains.GetGrain<IAccountDirectoryGrain>(0);
        var id = $"d-{Guid.NewGuid():N}";

        var created = await directory.Register(id, "市公安局", "公安");

        Assert.Contains(await directory.List(), a => a.Id == id && a.Name == "市公安局");
        Assert.Equal(created, await fixture.Grains.GetGrain<IAccountGrain>(id).GetProfile());
        await Rules.Refused(HubErrorCode.Conflict, () => directory.Register(id, "again", ""));
        await Rules.Refused(HubErrorCode.BadRequest, () => directory.Register("UPPER", "x", ""));
        await Rules.Refused(HubErrorCode.BadRequest, () => directory.Register($"e-{Guid.NewGuid():N}", " ", ""));
    }
}
