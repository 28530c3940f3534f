using Hub.Grains.Common;
using Hub.Grains.Governance.Inspection;
using Hub.Grains.Push;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hub.Grains.Tests.Governance;

/// <summary>
/// An account's indicators tell the inspectors following the bodies above it when its flags change,
/// between runs: time-based flags at the reminder's tick on the fake clock, the others at the next
/// write, each body by its own rules, and nothing when nothing changed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveFlagTests(ClusterFixture fixture)
{
    private static TimeProvider Time => ClusterFixture.Time;

    private static RecordingPush Push => ClusterFixture.Push;

    [Fact]
    public async Task No_update_rises_after_fifteen_quiet_days_and_falls_with_the_next_post_for_every_body_above_only()
    {
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var indicators = fixture.Grains.GetGrain<IAccountIndicatorsGrain>(account);
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();

        await indicators.Record(new IndicatorEvent(IndicatorEvent.Update, Time.GetUtcNow()));
        var fresh = await Told(matrix.Province, account, c => c.Indicators.At == Time.GetUtcNow());
        Assert.Equal((matrix.County, 0), (fresh.BodyId, fresh.Indicators.DaysSinceUpdate));
        Assert.Empty(fresh.Indicators.Flags);
        Assert.Contains((await reminders.ReadRows(indicators.GetGrainId())).Reminders, r => r.ReminderName == AccountIndicatorsGrain.LiveReminder);

        await Tick(indicators, TimeSpan.FromDays(15));
        var quiet = await Told(matrix.Province, account, c => c.Indicators.At == Time.GetUtcNow());
        Assert.Equal([InspectionFlags.NoUpdate], quiet.Indicators.Flags);
        Assert.Equal(15, quiet.Indicators.DaysSinceUpdate);
        foreach (var above in new[] { matrix.City, matrix.County })
        {
            Assert.Equal([InspectionFlags.NoUpdate], (await Told(above, account, c => c.Indicators.At == Time.GetUtcNow())).Indicators.Flags);
        }
        Assert.DoesNotContain(Push.SentTo<AccountIndicatorsChanged>(PushGroups.InspectorsOf(matrix.OtherCity), ClientEvents.AccountIndicatorsChanged), c => c.AccountId == account);

        var toldSoFar = ToldOf(matrix.Province, account);
        await Tick(indicators, TimeSpan.FromHours(1));
        Assert.Equal(toldSoFar, ToldOf(matrix.Province, account));

        await indicators.Record(new IndicatorEvent(IndicatorEvent.Update, Time.GetUtcNow()));
        var posted = await Told(matrix.Province, account, c => c.Indicators.At == Time.GetUtcNow());
        Assert.Empty(posted.Indicators.Flags);
        Assert.Equal(0, posted.Indicators.DaysSinceUpdate);
    }

    [Fact]
    public async Task A_message_unanswered_for_ninety_one_days_is_a_veto_and_each_body_judges_by_its_own_rules()
    {
        var matrix = await new Matrix(fixture).Build();
        var inspector = await matrix.Member(matrix.City, Roles.Inspector);
        await fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City)
            .SetRules(inspector, new InspectionOptions().Defaults() with { NoUpdateWarning = TimeSpan.FromDays(7) });
        var account = await matrix.Account(matrix.County);
        var indicators = fixture.Grains.GetGrain<IAccountIndicatorsGrain>(account);

        await indicators.Record(new IndicatorEvent(IndicatorEvent.Update, Time.GetUtcNow()));
        foreach (var conversation in new[] { "c1", "c2", "c3" })
        {
            await indicators.Record(new IndicatorEvent(IndicatorEvent.CitizenMessage, Time.GetUtcNow(), conversation));
        }
        var waiting = await Told(matrix.Province, account, c => c.Indicators.UnansweredMessages == 3);
        Assert.Empty(waiting.Indicators.Flags);
        Assert.Single(ToldOf(matrix.Province, account));

        await Tick(indicators, TimeSpan.FromDays(8));
        Assert.Empty((await Told(matrix.Province, account, c => c.Indicators.DaysSinceUpdate == 8)).Indicators.Flags);
        Assert.Equal([InspectionFlags.NoUpdate], (await Told(matrix.City, account, c => c.Indicators.DaysSinceUpdate == 8)).Indicators.Flags);

        await Tick(indicators, TimeSpan.FromDays(83));
        var veto = await Told(matrix.Province, account, c => c.Indicators.DaysSinceUpdate == 91);
        Assert.Equal([InspectionFlags.NoUpdate, InspectionFlags.Veto], veto.Indicators.Flags);
        Assert.Equal(0, veto.Indicators.Score);
    }

    [Fact]
    public async Task The_live_reminder_is_registered_once_not_at_every_activation()
    {
        var matrix = await new Matrix(fixture).Build();
        var indicators = fixture.Grains.GetGrain<IAccountIndicatorsGrain>(await matrix.Account(matrix.County));
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        await indicators.Record(new IndicatorEvent(IndicatorEvent.Update, Time.GetUtcNow()));
        var registered = await reminders.ReadRow(indicators.GetGrainId(), AccountIndicatorsGrain.LiveReminder);

        await fixture.Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(indicators.GetGrainId());
        await indicators.Record(new IndicatorEvent(IndicatorEvent.Update, Time.GetUtcNow()));

        var afterReactivation = await reminders.ReadRow(indicators.GetGrainId(), AccountIndicatorsGrain.LiveReminder);
        Assert.NotNull(registered);
        Assert.Equal(registered.ETag, afterReactivation?.ETag);
    }

    private static Task<AccountIndicatorsChanged> Told(string bodyId, string accountId, Func<AccountIndicatorsChanged, bool> match) =>
        Push.Next<AccountIndicatorsChanged>(PushGroups.InspectorsOf(bodyId), ClientEvents.AccountIndicatorsChanged, c => c.AccountId == accountId && match(c));

    private static List<AccountIndicatorsChanged> ToldOf(string bodyId, string accountId) =>
        [.. Push.SentTo<AccountIndicatorsChanged>(PushGroups.InspectorsOf(bodyId), ClientEvents.AccountIndicatorsChanged).Where(c => c.AccountId == accountId)];

    private static Task Tick(IAccountIndicatorsGrain indicators, TimeSpan by)
    {
        ClusterFixture.Time.Advance(by);
        return indicators.AsReference<IRemindable>().ReceiveReminder(AccountIndicatorsGrain.LiveReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromHours(1), DateTime.UtcNow));
    }
}
