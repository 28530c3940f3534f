using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;
using Hub.Grains.ServiceLevels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hub.Grains.Tests;

/// <summary>Service-level clocks on the fake TimeProvider; a test advances it and delivers the reminder's tick.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceLevelTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    /// <summary>Open round the clock, so business time is wall time: 10 minutes to answer, an hour to resolve.</summary>
    private static readonly ServiceLevelSettings RoundTheClock =
        new("UTC", ["00:00-24:00"], [1, 2, 3, 4, 5, 6, 7], [], [], 10, 60);

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    private static Caller Supervisor(string account) => Scenario.Staff(account, Roles.Supervisor);

    [Fact]
    public async Task Due_times_skip_holidays_and_count_a_swapped_working_day()
    {
        var account = await _given.Account();
        var today = DateOnly.FromDateTime(ClusterFixture.Time.GetUtcNow().UtcDateTime);
        var swapped = today.AddDays(2);
        // Closed today and tomorrow; the day after falls on a weekday the account does not work, but is swapped in.
        var workingDays = Enumerable.Range(1, 7).Where(d => d != ServiceLevelPolicy.IsoDay(swapped.DayOfWeek)).ToList();
        await Account(account).SetServiceLevels(Supervisor(account), RoundTheClock with
        {
            Hours = ["09:00-17:00"],
            WorkingDays = workingDays,
            Holidays = [ServiceLevelPolicy.Format(today), ServiceLevelPolicy.Format(today.AddDays(1))],
            SwappedWorkdays = [ServiceLevelPolicy.Format(swapped)],
            FirstResponseMinutes = 30,
            ResolutionMinutes = 600,
        });
        var agent = await _given.Agent(account);

        var (_, view) = await _given.Start(account, Scenario.Citizen());
        var seen = await fixture.Grains.GetGrain<IConversationGrain>(view.ConversationId).Describe(agent);

        var opening = new DateTimeOffset(swapped.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Assert.Equal(opening.AddMinutes(30), seen.FirstResponseDue);
        // Eight hours on the swapped day, then two more on the next working day.
        Assert.Equal(opening.AddDays(1).AddHours(2), seen.ResolutionDue);
        Assert.Null(view.FirstResponseDue);
    }

    [Fact]
    public async Task The_agent_is_reminded_at_four_fifths_and_the_supervisors_are_alerted_at_the_breach()
    {
        var (account, agent, conversation, id) = await Assigned();

        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(7.9));
        Assert.Empty(Warnings(agent.UserId, id));
        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(0.1));
        var warning = Assert.Single(Warnings(agent.UserId, id));
        Assert.Equal((ServiceLevelClock.FirstResponse, agent.UserId), (warning.Clock, warning.AgentId));
        Assert.Empty(Breaches(PushGroups.SupervisorsOf(account), id));

        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(2));

        var breach = Assert.Single(Breaches(PushGroups.SupervisorsOf(account), id));
        Assert.Equal((ServiceLevelClock.FirstResponse, account, warning.DueAt), (breach.Clock, breach.AccountId, breach.DueAt));
        Assert.Equal([ServiceLevelClock.FirstResponse], (await conversation.Describe(agent)).Breaches);
        var onDesk = Assert.Single((await Account(account).GetServiceDesk(Supervisor(account))).ServiceLevels);
        Assert.Equal((id, agent.UserId, ConversationServiceLevel.Overdue), (onDesk.ConversationId, onDesk.AgentId, onDesk.Standing));
    }

    [Fact]
    public async Task A_breach_survives_deactivation_and_is_not_announced_twice()
    {
        var (account, agent, conversation, id) = await Assigned();
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        Assert.Contains((await reminders.ReadRows(conversation.GetGrainId())).Reminders, r => r.ReminderName == ConversationGrain.ServiceLevelReminder);
        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(11));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(1));

        var view = await conversation.Describe(agent);
        Assert.Equal([ServiceLevelClock.FirstResponse], view.Breaches);
        Assert.NotNull(view.ResolutionDue);
        Assert.Single(Breaches(PushGroups.SupervisorsOf(account), id));
    }

    [Fact]
    public async Task The_first_staff_message_stops_the_first_response_clock_and_resolving_stops_the_rest()
    {
        var (account, agent, conversation, id) = await Assigned();
        var citizen = (await conversation.Describe(agent)).CitizenId;
        await conversation.Send(new Caller(citizen, "市民", [Roles.Citizen], []), "c-1", "请问社保怎么转移？");
        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(5));
        Assert.NotNull((await conversation.Describe(agent)).FirstResponseDue);

        await conversation.Send(agent, "a-1", "您好，请提供参保地。");
        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(20));

        var view = await conversation.Describe(agent);
        Assert.Null(view.FirstResponseDue);
        Assert.Empty(view.Breaches!);
        Assert.Empty(Warnings(agent.UserId, id));

        await conversation.Resolve(agent);
        await AdvanceAndTick(conversation, TimeSpan.FromHours(2));
        Assert.Null((await conversation.Describe(agent)).ResolutionDue);
        Assert.Empty(Breaches(PushGroups.SupervisorsOf(account), id));
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        Assert.DoesNotContain((await reminders.ReadRows(conversation.GetGrainId())).Reminders, r => r.ReminderName == ConversationGrain.ServiceLevelReminder);
    }

    [Fact]
    public async Task A_conversation_nobody_holds_warns_the_supervisors()
    {
        var account = await _given.Account();
        await Account(account).SetServiceLevels(Supervisor(account), RoundTheClock);
        var (conversation, view) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal("queued", view.Status);

        await AdvanceAndTick(conversation, TimeSpan.FromMinutes(8));

        var warning = Assert.Single(Warnings(PushGroups.SupervisorsOf(account), view.ConversationId));
        Assert.Null(warning.AgentId);
    }

    [Fact]
    public async Task Supervisors_and_admins_set_service_levels_staff_read_them_and_a_refusal_stores_nothing()
    {
        var account = await _given.Account();
        var other = await _given.Account();
        var agent = Scenario.Staff(account, Roles.Agent);
        var defaults = await Account(account).GetServiceLevels(agent);
        Assert.Equal((BusinessCalendar.DefaultTimeZone, 30, 420), (defaults.TimeZone, defaults.FirstResponseMinutes, defaults.ResolutionMinutes));
        Assert.Equal(["09:00-12:00", "13:30-17:30"], defaults.Hours!);

        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetServiceLevels(agent, RoundTheClock));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).SetServiceLevels(Supervisor(other), RoundTheClock));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetServiceLevels(Scenario.Citizen()));
        await Rules.Refused(HubErrorCode.Forbidden, () => Account(account).GetServiceLevels(Scenario.Staff(other, Roles.Agent)));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetServiceLevels(Supervisor(account), RoundTheClock with { Hours = ["08:00-12:00", "11:00-14:00"] }));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetServiceLevels(Supervisor(account), RoundTheClock with { TimeZone = "Asia/Atlantis" }));
        await Rules.Refused(HubErrorCode.BadRequest, () => Account(account).SetServiceLevels(Supervisor(account), RoundTheClock with { Hours = ["8:00-24:30"] }));
        Assert.Equal(defaults.Hours, (await Account(account).GetServiceLevels(agent)).Hours);

        var admin = new Caller("s-admin", "管理员", [Roles.Admin], []);
        var stored = await Account(account).SetServiceLevels(admin, RoundTheClock with { Holidays = ["2026-10-01"] });
        Assert.Equal(["2026-10-01"], stored.Holidays!);
        Assert.Equal(["00:00-24:00"], (await Account(account).GetServiceLevels(Scenario.Staff(account, Roles.Inspector))).Hours!);
    }

    /// <summary>An account open round the clock, and a conversation its one agent holds.</summary>
    private async Task<(string Account, Caller Agent, IConversationGrain Conversation, string Id)> Assigned()
    {
        var account = await _given.Account();
        await Account(account).SetServiceLevels(Supervisor(account), RoundTheClock);
        var agent = await _given.Agent(account);
        var (conversation, view) = await _given.Start(account, Scenario.Citizen());
        Assert.Equal(agent.UserId, view.AgentId);
        _present = (account, agent.UserId);
        return (account, agent, conversation, view.ConversationId);
    }

    // The agent whose node keeps renewing their presence while the fake clock moves, so they keep their conversation.
    private (string Account, string AgentId)? _present;

    private async Task AdvanceAndTick(IConversationGrain conversation, TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(10);
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            ClusterFixture.Time.Advance(by - passed < step ? by - passed : step);
            if (_present is var (account, agentId))
            {
                await Account(account).RenewPresence(Scenario.Node, [agentId]);
            }
        }
        await conversation.AsReference<IRemindable>().ReceiveReminder(ConversationGrain.ServiceLevelReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }

    private static IReadOnlyList<ServiceLevelAlert> Warnings(string to, string conversationId) =>
        [.. ClusterFixture.Push.SentTo<ServiceLevelAlert>(to, ClientEvents.ServiceLevelWarning).Where(a => a.ConversationId == conversationId)];

    private static IReadOnlyList<ServiceLevelAlert> Breaches(string to, string conversationId) =>
        [.. ClusterFixture.Push.SentTo<ServiceLevelAlert>(to, ClientEvents.ServiceLevelBreached).Where(a => a.ConversationId == conversationId)];
}
