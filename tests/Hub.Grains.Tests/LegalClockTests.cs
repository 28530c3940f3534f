using Hub.Grains.PublicEvents;
using Hub.Grains.Push;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hub.Grains.Tests;

/// <summary>The clocks run on the fake TimeProvider; a test advances it and delivers the reminder tick.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LegalClockTests(ClusterFixture fixture)
{
    private readonly PublicEventScenario _given = new(fixture);

    [Fact]
    public async Task Grade_one_warns_at_half_and_four_fifths_and_records_the_breach_of_the_five_hour_clock()
    {
        var (incident, lead, _, _) = await _given.Incident(severity: 1);
        var clocks = (await incident.GetSnapshot()).Clocks;
        Assert.Equal([LegalClock.Information, LegalClock.PressConference], clocks.Select(c => c.Name));
        var information = clocks[0];
        Assert.Equal(TimeSpan.FromHours(5), information.DueAt - information.OpenedAt);
        Assert.Equal(TimeSpan.FromHours(24), clocks[1].DueAt - clocks[1].OpenedAt);

        await AdvanceAndTick(incident, TimeSpan.FromHours(2.4));
        Assert.Empty(Alerts(incident, lead));
        await AdvanceAndTick(incident, TimeSpan.FromHours(0.2));
        await AdvanceAndTick(incident, TimeSpan.FromHours(1.5));
        await AdvanceAndTick(incident, TimeSpan.FromHours(1));

        Assert.Equal([(LegalClock.Information, 50), (LegalClock.Information, 80), (LegalClock.Information, 100)],
            Alerts(incident, lead).Select(a => (a.Clock, a.Percent)));
        Assert.Equal("breach", Alerts(incident, lead)[^1].Level);
        var breached = (await incident.GetSnapshot()).Clocks[0];
        Assert.Equal((LegalClock.Breached, true, true), (breached.Status, breached.WarnedAt80 is not null, breached.BreachedAt is not null));
        Assert.Contains(ClusterFixture.Push.SentTo<ClockChanged>(PushGroups.Followers(incident.GetPrimaryKeyString()), ClientEvents.ClockChanged),
            c => c.Clock.Status == LegalClock.Breached);
    }

    [Fact]
    public async Task The_first_publication_meets_the_information_clock_and_silences_it()
    {
        var (incident, lead, drafter, reviewer) = await _given.Incident(severity: 2);
        await AdvanceAndTick(incident, TimeSpan.FromHours(3));
        var draft = await incident.Draft(drafter, PublicEventScenario.Plain("权威信息：现场已封控。"));
        await incident.Approve(reviewer, draft.StatementId);
        await incident.Publish(drafter, draft.StatementId);

        await AdvanceAndTick(incident, TimeSpan.FromHours(3));

        var information = (await incident.GetSnapshot()).Clocks.Single(c => c.Name == LegalClock.Information);
        Assert.Equal(LegalClock.Met, information.Status);
        Assert.Equal(TimeSpan.FromHours(3), information.MetAt - information.OpenedAt);
        Assert.Equal([50], Alerts(incident, lead).Where(a => a.Clock == LegalClock.Information).Select(a => a.Percent));
    }

    [Fact]
    public async Task A_recorded_press_conference_meets_its_clock_and_a_future_one_is_refused()
    {
        var (incident, _, drafter, _) = await _given.Incident(severity: 1);
        ClusterFixture.Time.Advance(TimeSpan.FromHours(20));
        var now = ClusterFixture.Time.GetUtcNow();

        await Rules.Refused(Common.HubErrorCode.BadRequest, () => incident.RecordPressConference(drafter, now.AddHours(1), "市政府新闻发布厅"));
        await Rules.Refused(Common.HubErrorCode.BadRequest, () => incident.RecordPressConference(drafter, now.AddDays(-2), "市政府新闻发布厅"));
        await Rules.Refused(Common.HubErrorCode.BadRequest, () => incident.RecordPressConference(drafter, now.AddMinutes(-30), ""));
        await incident.RecordPressConference(drafter, now.AddMinutes(-30), "市政府新闻发布厅");

        var snapshot = await incident.GetSnapshot();
        Assert.Equal(LegalClock.Met, snapshot.Clocks.Single(c => c.Name == LegalClock.PressConference).Status);
        Assert.Equal("市政府新闻发布厅", Assert.Single(snapshot.PressConferences).Place);
    }

    [Fact]
    public async Task Grades_three_and_four_have_one_forty_eight_hour_response_clock_and_live_sessions_none()
    {
        var (major, _, _, _) = await _given.Incident(severity: 3);
        var lead = await _given.Given.Account();
        var live = _given.Event();
        var session = await live.Open(PublicEventScenario.Press(lead), new PublicEventRequest(lead, PublicEventKind.Live, "市长在线访谈", null));

        var clock = Assert.Single((await major.GetSnapshot()).Clocks);
        Assert.Equal((LegalClock.Response, TimeSpan.FromHours(48)), (clock.Name, clock.DueAt - clock.OpenedAt));
        Assert.Empty(session.Clocks);
        Assert.Equal(4, session.Severity);
    }

    [Fact]
    public async Task Clocks_are_durable_reminders_and_survive_deactivation_without_repeating_warnings()
    {
        var (incident, lead, _, _) = await _given.Incident(severity: 3);
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        Assert.Contains((await reminders.ReadRows(incident.GetGrainId())).Reminders, r => r.ReminderName == PublicEventGrain.ClockReminder);

        await AdvanceAndTick(incident, TimeSpan.FromHours(25));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AdvanceAndTick(incident, TimeSpan.FromMinutes(1));

        Assert.Equal([50], Alerts(incident, lead).Select(a => a.Percent));
        Assert.NotNull((await incident.GetSnapshot()).Clocks[0].WarnedAt50);
    }

    private static Task AdvanceAndTick(IPublicEventGrain incident, TimeSpan by)
    {
        ClusterFixture.Time.Advance(by);
        return incident.AsReference<IRemindable>().ReceiveReminder(PublicEventGrain.ClockReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }

    private static IReadOnlyList<ClockAlert> Alerts(IPublicEventGrain incident, string lead) =>
        [.. ClusterFixture.Push.SentTo<ClockAlert>(PushGroups.PressOf(lead), ClientEvents.ClockAlert)
            .Where(a => a.EventId == incident.GetPrimaryKeyString())];
}
