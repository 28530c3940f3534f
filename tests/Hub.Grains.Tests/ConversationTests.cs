using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConversationTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    [Fact]
    public async Task Seq_is_gapless_and_a_repeated_client_message_id_stores_nothing_new()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);

        var first = await conversation.Send(citizen, "m-1", "你好，我想咨询社保");
        var again = await conversation.Send(citizen, "m-1", "你好，我想咨询社保");
        var reply = await conversation.Send(agent, "m-1", "您好，请讲");
        var third = await conversation.Send(citizen, "m-2", "谢谢");

        Assert.Equal([1L, 1L, 2L, 3L], [first, again, reply, third]);
        var history = await conversation.GetHistory(citizen, 0);
        Assert.Equal([1L, 2L, 3L], history.Select(m => m.Seq));
        Assert.Equal(["citizen", "agent", "citizen"], history.Select(m => m.SenderRole));
        Assert.Equal([3L], (await conversation.GetHistory(agent, 2)).Select(m => m.Seq));
        Assert.Empty(await conversation.GetHistory(agent, 3));
        Assert.Equal(3, ClusterFixture.Push.SentTo<ChatMessage>(agent.UserId, ClientEvents.Message)
            .Count(m => m.ConversationId == conversation.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task A_message_whose_append_failed_is_not_acknowledged_and_its_retry_is_stored_once()
    {
        var account = await _given.Account();
        await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);

        FaultyMessageLog.FailNextAppendOf(conversation.GetPrimaryKeyString());
        await Assert.ThrowsAnyAsync<Exception>(() => conversation.Send(citizen, "m-1", "请问办事大厅几点开门？"));
        Assert.Empty(await conversation.GetHistory(citizen, 0));

        Assert.Equal(1, await conversation.Send(citizen, "m-1", "请问办事大厅几点开门？"));
        Assert.Equal(1, await conversation.Send(citizen, "m-1", "请问办事大厅几点开门？"));
        Assert.Equal(2, await conversation.Send(citizen, "m-2", "谢谢"));
        Assert.Equal([1L, 2L], (await conversation.GetHistory(citizen, 0)).Select(m => m.Seq));
    }

    [Fact]
    public async Task A_change_whose_state_write_failed_is_forgotten_and_can_be_made_again()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        await conversation.Resolve(agent);

        FaultyStorage.FailNextWriteOf(conversation.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => conversation.Rate(citizen, 2));
        Assert.Null((await conversation.Describe(citizen)).Rating);

        await conversation.Rate(citizen, 5);
        Assert.Equal(5, (await conversation.Describe(citizen)).Rating);
    }

    [Fact]
    public async Task The_agent_who_resolved_hears_the_rating_at_once_and_the_citizen_does_not()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);
        var id = view.ConversationId;
        await conversation.Resolve(agent);

        await conversation.Rate(citizen, 4);

        var rated = await ClusterFixture.Push.Next<ConversationRated>(agent.UserId, ClientEvents.ConversationRated, r => r.ConversationId == id);
        Assert.Equal(4, rated.Rating);
        Assert.Empty(ClusterFixture.Push.SentTo<ConversationRated>(citizen.UserId, ClientEvents.ConversationRated));
    }

    [Fact]
    public async Task Bad_messages_are_refused_and_store_nothing()
    {
        var account = await _given.Account();
        await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);

        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.Send(citizen, "m-1", "   "));
        await Rules.Refused(HubErrorCode.TooLarge, () => conversation.Send(citizen, "m-2", new string('字', 4001)));
        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.Send(citizen, "", "hello"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Send(Scenario.Citizen(), "m-3", "hello"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.GetHistory(Scenario.Citizen(), 0));
        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.GetHistory(citizen, -1));
        await Rules.Refused(HubErrorCode.NotFound, () => fixture.Grains.GetGrain<IConversationGrain>("missing").Send(citizen, "m", "x"));

        Assert.Empty(await conversation.GetHistory(citizen, 0));
        Assert.Equal(1, await conversation.Send(citizen, "m-4", new string('字', 4000)));
    }

    [Fact]
    public async Task A_transfer_routes_again_in_the_target_account_with_the_note_for_the_new_agent()
    {
        var from = await _given.Account("12345 热线");
        var to = await _given.Account("市医保局");
        var firstAgent = await _given.Agent(from);
        var secondAgent = await _given.Agent(to);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(from, citizen);
        await conversation.Send(citizen, "m-1", "医保报销怎么办理？");

        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Transfer(secondAgent, to, "not mine"));
        await Rules.Refused(HubErrorCode.NotFound, () => conversation.Transfer(firstAgent, "no-such-account", ""));
        await conversation.Transfer(firstAgent, to, "医保报销问题，请医保局处理");

        var view = await conversation.Describe(citizen);
        Assert.Equal((to, "市医保局", secondAgent.UserId, "assigned"), (view.AccountId, view.AccountName, view.AgentId, view.Status));
        Assert.Equal(("医保报销问题，请医保局处理", from), (view.TransferNote, view.FromAccountId));
        var assigned = Assert.Single(ClusterFixture.Push.SentTo<ConversationAssigned>(secondAgent.UserId, ClientEvents.ConversationAssigned));
        Assert.Equal("医保报销问题，请医保局处理", assigned.TransferNote);
        Assert.Single(await conversation.GetHistory(secondAgent, 0));
        Assert.Empty(await fixture.Grains.GetGrain<IAccountGrain>(from).GetOpenConversations(firstAgent.UserId));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Send(firstAgent, "m-2", "still here?"));
    }

    [Fact]
    public async Task Resolution_ends_sending_and_opens_a_single_rating_by_the_citizen()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);

        await Rules.Refused(HubErrorCode.Conflict, () => conversation.Rate(citizen, 5));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Resolve(Scenario.Staff(account, Roles.Agent)));
        await conversation.Resolve(agent);

        await Rules.Refused(HubErrorCode.Conflict, () => conversation.Send(citizen, "m-1", "还在吗"));
        await Rules.Refused(HubErrorCode.Conflict, () => conversation.Resolve(agent));
        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.Rate(citizen, 6));
        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.Rate(citizen, 0));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Rate(agent, 5));
        await conversation.Rate(citizen, 4);
        await Rules.Refused(HubErrorCode.Conflict, () => conversation.Rate(citizen, 5));

        var view = await conversation.Describe(citizen);
        Assert.Equal(("resolved", 4), (view.Status, view.Rating));
        Assert.Contains(ClusterFixture.Push.SentTo<ConversationStatusChanged>(citizen.UserId, ClientEvents.ConversationStatus),
            s => s.ConversationId == conversation.GetPrimaryKeyString() && s.Status == "resolved");
    }

    [Fact]
    public async Task Read_marks_clear_unread_counts_and_tell_the_other_side()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        await conversation.Send(citizen, "m-1", "one");
        await conversation.Send(citizen, "m-2", "two");

        Assert.Equal(2, (await conversation.Describe(agent)).Unread);
        Assert.Equal(0, (await conversation.Describe(citizen)).Unread);

        await conversation.MarkRead(agent, 99);

        Assert.Equal(0, (await conversation.Describe(agent)).Unread);
        Assert.Equal(2, (await conversation.Describe(citizen)).OtherReadSeq);
        var receipt = Assert.Single(ClusterFixture.Push.SentTo<ReadReceipt>(citizen.UserId, ClientEvents.ReadReceipt),
            r => r.ConversationId == conversation.GetPrimaryKeyString());
        Assert.Equal((agent.UserId, "agent", 2L), (receipt.UserId, receipt.Role, receipt.Seq));
    }

    [Fact]
    public async Task Typing_reaches_only_the_other_participant()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);

        await conversation.SetTyping(citizen, true);

        var id = conversation.GetPrimaryKeyString();
        Assert.Single(ClusterFixture.Push.SentTo<TypingChanged>(agent.UserId, ClientEvents.Typing), t => t.ConversationId == id && t.IsTyping);
        Assert.DoesNotContain(ClusterFixture.Push.SentTo<TypingChanged>(citizen.UserId, ClientEvents.Typing), t => t.ConversationId == id);
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.SetTyping(Scenario.Citizen(), true));
    }

    [Fact]
    public async Task Inspectors_of_the_account_read_history_and_others_do_not()
    {
        var account = await _given.Account();
        await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        await conversation.Send(citizen, "m-1", "hello");

        Assert.Single(await conversation.GetHistory(Scenario.Staff(account, Roles.Inspector), 0));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.GetHistory(Scenario.Staff("other-account", Roles.Inspector), 0));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.Send(Scenario.Staff(account, Roles.Inspector), "m-2", "hi"));
    }
}
