using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Conversations.References;
using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Tests;

/// <summary>Reference numbers, left messages when nobody takes live chats, coming back with the return code, and transcripts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OfflineMessageTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    private IConversationReferenceGrain Reference(string reference) => fixture.Grains.GetGrain<IConversationReferenceGrain>(reference);

    [Fact]
    public async Task Conversations_started_at_once_get_distinct_numbers_of_the_day_in_one_unbroken_run()
    {
        var accounts = new[] { await _given.Account(), await _given.Account() };

        var views = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(async i => (await _given.Start(accounts[i % 2], Scenario.Citizen())).View));

        var day = ReferenceNumber.DayOf(ClusterFixture.Time.GetUtcNow());
        Assert.All(views, v => Assert.StartsWith($"HB-{day}-", v.Reference));
        var numbers = views.Select(v => long.Parse(v.Reference.Split('-')[2])).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 24).Select(i => numbers[0] + i), numbers);
        foreach (var view in views)
        {
            Assert.Equal(view.ConversationId, await Reference(view.Reference).ConversationId());
        }
    }

    [Fact]
    public void The_day_of_a_reference_is_the_day_in_China()
    {
        Assert.Equal("20261201", ReferenceNumber.DayOf(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal("20261130", ReferenceNumber.DayOf(new DateTimeOffset(2026, 11, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal("HB-20261130-0042", ReferenceNumber.Require(" hb-20261130-0042 "));
        Assert.Equal(HubErrorCode.NotFound, Assert.Throws<RuleViolation>(() => ReferenceNumber.Require("HB-2026-1")).Code);
    }

    [Fact]
    public async Task With_nobody_on_duty_a_start_is_a_left_message_that_the_first_agent_to_come_answers()
    {
        var account = await _given.Account();
        var citizen = Scenario.Citizen();

        var (conversation, started) = await _given.Start(account, citizen, "路灯坏了");

        Assert.Equal(("queued", true), (started.Status, started.LeftMessage));
        Assert.False((await Account(account).GetIntake()).LiveChat);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", started.ReturnCode!);

        var agent = await _given.Agent(account);

        var later = await conversation.Describe(citizen);
        Assert.Equal(("assigned", agent.UserId, true), (later.Status, later.AgentId, later.LeftMessage));
        Assert.Null(later.ReturnCode);
        Assert.True((await Account(account).GetIntake()).LiveChat);
    }

    [Fact]
    public async Task Leave_messages_only_makes_every_start_a_left_message_while_agents_still_answer_them()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var supervisor = Scenario.Staff(account, Roles.Supervisor);

        await Account(account).SetLeaveMessagesOnly(supervisor, true);
        var (_, left) = await _given.Start(account, Scenario.Citizen());
        await Account(account).SetLeaveMessagesOnly(supervisor, false);
        var (_, live) = await _given.Start(account, Scenario.Citizen());

        Assert.Equal((true, agent.UserId), (left.LeftMessage, left.AgentId));
        Assert.Equal((false, agent.UserId), (live.LeftMessage, live.AgentId));
    }

    [Fact]
    public async Task Only_the_account_s_supervisors_close_it_to_live_chats()
    {
        var account = await _given.Account();

        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetLeaveMessagesOnly(Scenario.Staff(account, Roles.Agent), true));
        var other = await _given.Account();
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetLeaveMessagesOnly(Scenario.Staff(other, Roles.Supervisor), true));

        Assert.False((await Account(account).GetIntake()).LeaveMessagesOnly);
    }

    [Fact]
    public async Task Outside_business_hours_a_start_is_a_left_message_only_where_the_supervisors_chose_so()
    {
        var friday = NextInBeijing(DayOfWeek.Friday, ClusterFixture.Time.GetUtcNow());
        var evening = friday.AddHours(20);
        var swappedSaturday = friday.AddDays(1).AddHours(10);
        var sunday = friday.AddDays(2).AddHours(10);
        var monday = friday.AddDays(3).AddHours(10);
        var (closing, open) = (await _given.Account(), await _given.Account());
        var supervisor = Scenario.Staff(closing, Roles.Supervisor);
        var stored = await Account(closing).SetServiceLevels(supervisor, new ServiceLevelSettings(
            "Asia/Shanghai", ["09:00-12:00", "13:30-17:30"], [1, 2, 3, 4, 5], [],
            [ServiceLevelPolicy.Format(DateOnly.FromDateTime(swappedSaturday.DateTime))], 30, 420, LeaveMessagesOutsideHours: true));
        Assert.True(stored.LeaveMessagesOutsideHours);
        Assert.False((await Account(open).GetServiceLevels(Scenario.Staff(open, Roles.Supervisor))).LeaveMessagesOutsideHours);
        var agents = new Dictionary<string, Caller> { [closing] = await _given.Agent(closing), [open] = await _given.Agent(open) };

        var seen = new List<(string Account, DateTimeOffset At, bool LeftMessage, bool OutsideHours)>();
        foreach (var at in new[] { evening, swappedSaturday, sunday, monday })
        {
            ClusterFixture.Time.SetUtcNow(at);
            foreach (var (account, agent) in agents)
            {
                await Account(account).RenewPresence(Scenario.Node, [agent.UserId]);
                var intake = await Account(account).GetIntake();
                var (conversation, view) = await _given.Start(account, Scenario.Citizen());
                Assert.Equal((agent.UserId, !view.LeftMessage), (view.AgentId, intake.LiveChat));
                seen.Add((account, at, view.LeftMessage, intake.OutsideHours));
                await conversation.Resolve(agent);
            }
        }

        Assert.Equal(
            [(closing, evening, true, true), (closing, swappedSaturday, false, false), (closing, sunday, true, true), (closing, monday, false, false)],
            seen.Where(s => s.Account == closing));
        Assert.All(seen.Where(s => s.Account == open), s => Assert.Equal((false, false), (s.LeftMessage, s.OutsideHours)));
    }

    /// <summary>Midnight in Beijing (UTC+8) that begins the next <paramref name="day"/> after <paramref name="after"/>.</summary>
    private static DateTimeOffset NextInBeijing(DayOfWeek day, DateTimeOffset after)
    {
        var beijing = TimeSpan.FromHours(8);
        var date = after.ToOffset(beijing).Date.AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        return new DateTimeOffset(date, beijing);
    }

    [Fact]
    public async Task The_return_code_names_the_citizen_and_wrong_codes_make_the_number_wait()
    {
        var account = await _given.Account();
        var citizen = Scenario.Citizen("陈女士");
        var (_, started) = await _given.Start(account, citizen);
        var reference = Reference(started.Reference);

        var ticket = await reference.Redeem(started.ReturnCode!.ToLowerInvariant().Replace("-", " "));
        Assert.Equal((started.ConversationId, citizen.UserId, "陈女士"), (ticket.ConversationId, ticket.CitizenId, ticket.CitizenName));

        for (var i = 0; i < ConversationReferenceGrain.FreeFailures; i++)
        {
            await Rules.Refused(HubErrorCode.Unauthorized, () => reference.Redeem("0000-0000-0000"));
        }
        await Rules.Refused(HubErrorCode.RateLimited, () => reference.Redeem(started.ReturnCode));

        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(started.ConversationId, (await reference.Redeem(started.ReturnCode)).ConversationId);
        await Rules.Refused(HubErrorCode.NotFound, () => Reference("HB-19991231-0001").Redeem(started.ReturnCode));
    }

    [Fact]
    public async Task A_refused_start_leaves_its_number_naming_nothing()
    {
        var account = await _given.Account();
        var citizen = Scenario.Citizen();
        var held = new List<ConversationView>();
        for (var i = 0; i < 3; i++)
        {
            held.Add((await _given.Start(account, citizen)).View);
        }

        await Rules.Refused(HubErrorCode.RateLimited, () => _given.Start(account, citizen));
        var next = (await _given.Start(await _given.Account(), citizen)).View;

        var parts = next.Reference.Split('-');
        var skipped = ReferenceNumber.Format(parts[1], long.Parse(parts[2]) - 1);
        Assert.DoesNotContain(held, v => v.Reference == skipped);
        await Rules.Refused(HubErrorCode.NotFound, () => Reference(skipped).ConversationId());
    }

    [Fact]
    public async Task Staff_of_the_account_find_a_conversation_by_its_number_and_others_do_not()
    {
        var account = await _given.Account();
        var (_, started) = await _given.Start(account, Scenario.Citizen());
        var conversation = fixture.Grains.GetGrain<IConversationGrain>(started.ConversationId);

        var found = await conversation.LookUp(Scenario.Staff(account, Roles.Agent), account);

        Assert.Equal((started.ConversationId, started.Reference), (found.ConversationId, found.Reference));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.LookUp(Scenario.Staff(account, Roles.Press), account));
        var other = await _given.Account();
        await Rules.Refused(HubErrorCode.NotFound, () => conversation.LookUp(Scenario.Staff(other, Roles.Agent), other));
    }

    [Fact]
    public async Task A_transcript_holds_every_message_and_no_private_note()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen("刘先生");
        var (conversation, started) = await _given.Start(account, citizen, "噪音扰民");
        await conversation.Send(citizen, "c1", "楼下工地夜里施工");
        await conversation.Send(agent, "a1", "已联系城管，今晚核查\n请保持电话畅通");
        await conversation.AddNote(agent, "内部：该工地已被投诉三次");

        var forCitizen = await conversation.GetTranscript(citizen);
        var forInspector = await conversation.GetTranscript(Scenario.Staff(account, Roles.Inspector));

        Assert.Equal(forCitizen, forInspector);
        Assert.Equal($"{started.Reference}.txt", forCitizen.FileName);
        Assert.Contains(started.Reference, forCitizen.Text);
        Assert.Contains("噪音扰民", forCitizen.Text);
        Assert.Contains("市民 Citizen 刘先生:\n  楼下工地夜里施工\n", forCitizen.Text);
        Assert.Contains($"工作人员 Officer {agent.DisplayName}:\n  已联系城管，今晚核查\n  请保持电话畅通\n", forCitizen.Text);
        Assert.DoesNotContain("投诉三次", forCitizen.Text);
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.GetTranscript(Scenario.Citizen()));
        var other = await _given.Account();
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.GetTranscript(Scenario.Staff(other, Roles.Agent)));
    }
}
