using Hub.Grains.Common;
using Hub.Grains.Governance.Inspection;
using Hub.Grains.Governance.Posts;
using Hub.Grains.Push;

namespace Hub.Grains.Tests.Governance;

[Collection(ClusterCollection.Name)]
public sealed class InspectionTests(ClusterFixture fixture)
{
    private static readonly InspectionRules Defaults = new InspectionOptions().Defaults();

    private static TimeProvider Time => ClusterFixture.Time;

    [Fact]
    public async Task Indicators_follow_what_happens_and_flags_rise_as_weeks_and_months_pass()
    {
        var scenario = new Scenario(fixture);
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var indicators = fixture.Grains.GetGrain<IAccountIndicatorsGrain>(account);
        var (author, reviewer) = (Scenario.Staff(account, Roles.Press), Scenario.Staff(account, Roles.Press));
        await Release(account, author, reviewer, new PostDraft(PostKind.Policy, "政策", "全文"));
        var agent = await scenario.Agent(account);
        var answeredCitizen = Scenario.Citizen();
        var (answered, _) = await scenario.Start(account, answeredCitizen);
        await answered.Send(answeredCitizen, "m1", "请问补贴何时发放？");
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(30));
        await answered.Send(agent, "a1", "本月底前发放。");
        await answered.Resolve(agent);
        await answered.Rate(answeredCitizen, 4);
        var waitingCitizen = Scenario.Citizen();
        var (waiting, _) = await scenario.Start(account, waitingCitizen);
        var askedAt = Time.GetUtcNow();
        await waiting.Send(waitingCitizen, "m1", "我的申请有结果了吗？");

        var now = await indicators.Measure(Defaults);
        Assert.Equal((0, 1, askedAt), (now.DaysSinceUpdate, now.UnansweredMessages, now.OldestUnansweredSince));
        Assert.Equal((1.0, 30.0, 4.0, 1), (now.ReplyRateWithinTarget, now.MedianFirstResponseMinutes, now.Satisfaction, now.Ratings));
        Assert.Empty(now.Flags);
        Assert.Equal(98, now.Score);

        ClusterFixture.Time.Advance(TimeSpan.FromDays(15));
        var weeksLater = await indicators.Measure(Defaults);
        Assert.Equal(15, weeksLater.DaysSinceUpdate);
        Assert.Equal(0.5, weeksLater.ReplyRateWithinTarget);
        Assert.Equal([InspectionFlags.NoUpdate], weeksLater.Flags);

        ClusterFixture.Time.Advance(TimeSpan.FromDays(76));
        var monthsLater = await indicators.Measure(Defaults);
        Assert.Equal([InspectionFlags.NoUpdate, InspectionFlags.Veto], monthsLater.Flags);
        Assert.Equal(0, monthsLater.Score);

        ClusterFixture.Time.Advance(TimeSpan.FromDays(90));
        Assert.Equal([InspectionFlags.NoUpdate, InspectionFlags.Inactive, InspectionFlags.Veto], (await indicators.Measure(Defaults)).Flags);

        var policy = (await fixture.Grains.GetGrain<IAccountPostsGrain>(account).GetPublic()).Posts.Single();
        await Release(account, author, reviewer, new PostDraft(PostKind.Correction, "更正", "第二条应为……", CorrectsPostId: policy.PostId));
        foreach (var kind in new[] { IndicatorEvent.ClockBreach, IndicatorEvent.ServiceLevelBreach, IndicatorEvent.Moderation })
        {
            await indicators.Record(new IndicatorEvent(kind, Time.GetUtcNow()));
        }
        var afterwards = await indicators.Measure(Defaults);
        Assert.Equal((0, 1, 1), (afterwards.DaysSinceUpdate, afterwards.UnansweredMessages, afterwards.Corrections));
        Assert.Equal((1, 1, 1), (afterwards.ClockBreaches, afterwards.ServiceLevelBreaches, afterwards.ModerationActions));
        Assert.Equal(0.5, afterwards.ReplyRateWithinTarget);
        Assert.Equal([InspectionFlags.Veto], afterwards.Flags);
    }

    [Fact]
    public async Task A_run_snapshots_and_ranks_the_subtree_by_the_inspecting_bodys_rules_and_its_notice_reaches_the_flagged_bodies_admins()
    {
        var matrix = await new Matrix(fixture).Build();
        var (active, quiet, elsewhere) = (await matrix.Account(matrix.City), await matrix.Account(matrix.County), await matrix.Account(matrix.OtherCity));
        var inspector = await matrix.Member(matrix.City, Roles.Inspector);
        var inspection = fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City);
        await inspection.SetRules(inspector, Defaults with { NoUpdateWarning = TimeSpan.FromDays(7) });
        await Rules.Refused(HubErrorCode.BadRequest, () => inspection.SetRules(inspector, Defaults with { InactiveAfter = TimeSpan.FromDays(1) }));
        var first = await inspection.Run(inspector);
        ClusterFixture.Time.Advance(TimeSpan.FromDays(8));
        await Release(active, Scenario.Staff(active, Roles.Press), Scenario.Staff(active, Roles.Press), new PostDraft(PostKind.Notice, "通知", "……"));

        var second = await inspection.Run(inspector);

        Assert.Equal([active, quiet], second.Accounts.Select(a => a.Indicators.AccountId));
        Assert.Equal([1, 2], second.Accounts.Select(a => a.Rank));
        Assert.Equal([InspectionFlags.NoUpdate], second.Accounts[1].Indicators.Flags);
        Assert.DoesNotContain(elsewhere, second.Accounts.Select(a => a.Indicators.AccountId));
        var trend = await inspection.GetRuns(inspector);
        Assert.Equal([first.RunId, second.RunId], trend.Select(r => r.RunId));
        Assert.Equal([0, 1], trend.Select(r => r.Flagged));

        var told = await inspection.Circulate(inspector, second.RunId, "关于部分政务新媒体长期未更新的通报");

        Assert.Equal([matrix.County], told);
        var countyAdmin = await matrix.Member(matrix.County, Roles.Admin);
        var notice = Assert.Single(await fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.County).GetNotices(countyAdmin));
        Assert.Equal((matrix.City, quiet), (notice.FromBodyId, notice.Flagged.Single().Indicators.AccountId));
        Assert.Empty(await fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City).GetNotices(await matrix.Member(matrix.City, Roles.Admin)));
        await Rules.Refused(HubErrorCode.Forbidden, () => fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.County).GetNotices(inspector));
    }

    [Fact]
    public async Task Only_readers_of_the_subtree_inspect_it()
    {
        var matrix = await new Matrix(fixture).Build();
        var inspection = fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City);
        var outsider = await matrix.Member(matrix.OtherCity, Roles.Inspector, Roles.Admin);
        var below = await matrix.Member(matrix.County, Roles.Inspector);
        var plain = await matrix.Member(matrix.City);

        foreach (var stranger in new[] { outsider, below, plain })
        {
            await Rules.Refused(HubErrorCode.Forbidden, () => inspection.Run(stranger));
            await Rules.Refused(HubErrorCode.Forbidden, () => inspection.GetRuns(stranger));
            await Rules.Refused(HubErrorCode.Forbidden, () => inspection.SetRules(stranger, Defaults));
        }
        Assert.Empty(await inspection.GetRuns(await matrix.Member(matrix.Province, Roles.Inspector)));
        Assert.Equal("r1", (await inspection.Run(await matrix.Member(matrix.City, Roles.Admin))).RunId);
    }

    [Fact]
    public async Task A_run_scheduled_for_later_is_taken_when_its_time_comes_and_one_in_the_past_is_refused()
    {
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var inspector = await matrix.Member(matrix.City, Roles.Inspector);
        var inspection = fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City);

        await Rules.Refused(HubErrorCode.BadRequest, () => inspection.Schedule(inspector, Time.GetUtcNow().AddMinutes(-1)));
        var below = await matrix.Member(matrix.County, Roles.Inspector);
        await Rules.Refused(HubErrorCode.Forbidden, () => inspection.Schedule(below, Time.GetUtcNow().AddHours(1)));
        Assert.Empty(await inspection.GetScheduled(inspector));
        var at = Time.GetUtcNow().AddHours(3);
        var scheduled = await inspection.Schedule(inspector, at);
        var leaver = await matrix.Member(matrix.City, Roles.Inspector);
        await inspection.Schedule(leaver, at.AddMinutes(30));
        await matrix.Tree.SetMember(Matrix.GlobalAdmin, leaver.UserId, matrix.City, []);
        Assert.Equal([(scheduled.ScheduleId, at, inspector.UserId)], (await inspection.GetScheduled(inspector)).Take(1).Select(s => (s.ScheduleId, s.At, s.RequestedById)));

        await Tick(inspection, TimeSpan.FromHours(2));
        Assert.Empty(await inspection.GetRuns(inspector));
        await Tick(inspection, TimeSpan.FromHours(1));

        var run = Assert.Single(await inspection.GetRuns(inspector));
        Assert.Equal(at, run.At);
        var taken = await inspection.GetRun(inspector, run.RunId);
        Assert.Equal((scheduled.ScheduleId, account), (taken.ScheduleId, taken.Accounts.Single().Indicators.AccountId));
        var told = await ClusterFixture.Push.Next<InspectionCompleted>(PushGroups.InspectorsOf(matrix.City), ClientEvents.InspectionCompleted, c => c.Run.RunId == run.RunId);
        Assert.Equal(scheduled.ScheduleId, told.ScheduleId);

        await Tick(inspection, TimeSpan.FromHours(1));
        Assert.Single(await inspection.GetRuns(inspector));
        Assert.Empty(await inspection.GetScheduled(inspector));
    }

    [Fact]
    public async Task An_accounts_drill_down_shows_its_trend_its_longest_waits_with_their_latest_messages_and_its_latest_posts()
    {
        var scenario = new Scenario(fixture);
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var inspector = await matrix.Member(matrix.Province, Roles.Inspector);
        var inspection = fixture.Grains.GetGrain<IBodyInspectionGrain>(matrix.City);
        await Release(account, Scenario.Staff(account, Roles.Press), Scenario.Staff(account, Roles.Press), new PostDraft(PostKind.Notice, "停水通知", "……"));
        var (first, second) = (Scenario.Citizen(), Scenario.Citizen());
        var (older, _) = await scenario.Start(account, first, "低保申请");
        await older.Send(first, "m1", "我的申请到哪一步了？");
        await older.Send(first, "m2", "已经等了很久。");
        ClusterFixture.Time.Advance(TimeSpan.FromDays(20));
        var (newer, _) = await scenario.Start(account, second, "路灯报修");
        await newer.Send(second, "m1", "路灯坏了。");
        var earlier = await inspection.Run(inspector);
        var latest = await inspection.Run(inspector);

        var drill = await inspection.DrillDown(inspector, latest.RunId, account);

        Assert.Equal((latest.RunId, account), (drill.RunId, drill.Account.Indicators.AccountId));
        Assert.Equal([InspectionFlags.NoUpdate], drill.Account.Indicators.Flags);
        Assert.Equal([earlier.RunId, latest.RunId], drill.Trend.Select(p => p.RunId));
        Assert.Equal(["低保申请", "路灯报修"], drill.Waiting.Select(w => w.Subject));
        Assert.Equal(["我的申请到哪一步了？", "已经等了很久。"], drill.Waiting[0].LatestMessages.Select(m => m.Text));
        Assert.Equal("停水通知", Assert.Single(drill.RecentPosts).Title);
        var (elsewhere, outsider) = (await matrix.Account(matrix.OtherCity), await matrix.Member(matrix.OtherCity, Roles.Inspector));
        await Rules.Refused(HubErrorCode.NotFound, () => inspection.DrillDown(inspector, latest.RunId, elsewhere));
        await Rules.Refused(HubErrorCode.Forbidden, () => inspection.DrillDown(outsider, latest.RunId, account));
    }

    private static Task Tick(IBodyInspectionGrain inspection, TimeSpan by)
    {
        ClusterFixture.Time.Advance(by);
        return inspection.AsReference<IRemindable>().ReceiveReminder(BodyInspectionGrain.ScheduleReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }

    private async Task Release(string account, Caller author, Caller reviewer, PostDraft draft)
    {
        var posts = fixture.Grains.GetGrain<IAccountPostsGrain>(account);
        var post = await posts.Draft(author, draft);
        await posts.Submit(author, post.PostId);
        await posts.Review(reviewer, post.PostId, true, null);
        await posts.Publish(author, post.PostId, null);
    }
}
