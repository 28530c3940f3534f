using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Governance.Posts;
using Hub.Grains.Push;
using Hub.Grains.Security;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Hub.Grains.Tests.Governance;

[Collection(ClusterCollection.Name)]
public sealed class PostTests(ClusterFixture fixture)
{
    private ISecurityLog Log => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<ISecurityLog>();

    private IAccountPostsGrain Posts(string accountId) => fixture.Grains.GetGrain<IAccountPostsGrain>(accountId);

    private static Caller Press(string accountId, string name) => new($"s-{Guid.NewGuid():N}", name, [Roles.Press], [accountId]);

    private static PostDraft Policy(string title = "关于延长小微企业稳岗补贴的通知") => new(PostKind.Policy, title, "全文……");

    [Fact]
    public async Task Two_reviewers_who_did_not_write_it_approve_a_post_in_each_of_two_accounts_before_it_publishes()
    {
        var scenario = new Scenario(fixture);
        foreach (var account in new[] { await scenario.Account("市人社局"), await scenario.Account("市医保局") })
        {
            var (author, coAuthor, first, second) = (Press(account, "撰稿人"), Press(account, "合写人"), Press(account, "审核一"), Press(account, "审核二"));
            var posts = Posts(account);
            await posts.SetReviewersRequired(Scenario.Staff(account, Roles.Supervisor), 2);
            var draft = await posts.Draft(author, Policy());
            await posts.Edit(coAuthor, draft.PostId, draft.Title, "修改后的全文");
            await posts.Submit(author, draft.PostId);

            await Rules.Refused(HubErrorCode.Forbidden, () => posts.Review(author, draft.PostId, true, null));
            await Rules.Refused(HubErrorCode.Forbidden, () => posts.Review(coAuthor, draft.PostId, true, null));
            var outsider = Press(await scenario.Account(), "外单位");
            await Rules.Refused(HubErrorCode.Forbidden, () => posts.Review(outsider, draft.PostId, true, null));
            var once = await posts.Review(first, draft.PostId, true, null);
            Assert.Equal(PostStatus.Review, once.Status);
            await Rules.Refused(HubErrorCode.Conflict, () => posts.Publish(author, draft.PostId, null));
            await Rules.Refused(HubErrorCode.Conflict, () => posts.Review(first, draft.PostId, true, null));
            var twice = await posts.Review(second, draft.PostId, true, null);
            Assert.Equal(PostStatus.Approved, twice.Status);

            var published = await posts.Publish(author, draft.PostId, null);

            Assert.Equal((PostStatus.Published, ClusterFixture.Time.GetUtcNow()), (published.Status, published.PublishedAt));
            Assert.Equal([first.UserId, second.UserId], published.ApprovedBy);
            var page = await posts.GetPublic();
            Assert.Equal("修改后的全文", Assert.Single(page.Posts).Text);
            var pushed = await ClusterFixture.Push.Next<PublicPost>(PushGroups.AccountFollowers(account), ClientEvents.PostPublished, p => p.PostId == draft.PostId);
            Assert.Equal(account, pushed.AccountId);
            var trail = (await Log.Read(new SecurityLogQuery([account], null, SecurityLogQuery.MaxLimit))).Select(e => e.Kind).Reverse();
            Assert.Equal([PostEventKinds.ReviewPolicyChanged, PostEventKinds.Drafted, PostEventKinds.Edited, PostEventKinds.Submitted,
                PostEventKinds.Approved, PostEventKinds.Approved, PostEventKinds.Published], trail);
        }
    }

    [Fact]
    public async Task A_returned_post_loses_its_approvals_and_goes_back_to_draft()
    {
        var account = await new Scenario(fixture).Account();
        var (author, first, second) = (Press(account, "撰稿人"), Press(account, "审核一"), Press(account, "审核二"));
        var posts = Posts(account);
        await posts.SetReviewersRequired(Scenario.Staff(account, Roles.Supervisor), 2);
        var draft = await posts.Draft(author, Policy());
        await posts.Submit(author, draft.PostId);
        await posts.Review(first, draft.PostId, true, null);

        await Rules.Refused(HubErrorCode.BadRequest, () => posts.Review(second, draft.PostId, false, " "));
        var returned = await posts.Review(second, draft.PostId, false, "数据口径需核实");

        Assert.Equal((PostStatus.Draft, "数据口径需核实"), (returned.Status, returned.ReturnNote));
        Assert.Empty(returned.ApprovedBy);
        Assert.Empty((await posts.GetPublic()).Posts);
    }

    [Fact]
    public async Task A_scheduled_post_publishes_when_its_time_comes_and_a_schedule_in_the_past_is_refused()
    {
        var account = await new Scenario(fixture).Account();
        var (author, reviewer) = (Press(account, "撰稿人"), Press(account, "审核人"));
        var posts = Posts(account);
        var draft = await posts.Draft(author, Policy());
        await posts.Submit(author, draft.PostId);
        await posts.Review(reviewer, draft.PostId, true, null);

        await Rules.Refused(HubErrorCode.BadRequest, () => posts.Publish(author, draft.PostId, ClusterFixture.Time.GetUtcNow().AddHours(-1)));
        Assert.Equal(PostStatus.Approved, (await posts.GetQueue(author)).Posts.Single().Status);
        var at = ClusterFixture.Time.GetUtcNow().AddHours(3);
        var scheduled = await posts.Publish(author, draft.PostId, at);
        Assert.Equal((PostStatus.Scheduled, at), (scheduled.Status, scheduled.ScheduledFor));

        await Tick(posts, TimeSpan.FromHours(2));
        Assert.Empty((await posts.GetPublic()).Posts);
        await Tick(posts, TimeSpan.FromHours(1));

        var published = Assert.Single((await posts.GetPublic()).Posts);
        Assert.Equal(at, published.PublishedAt);
    }

    [Fact]
    public async Task Interpretations_and_corrections_link_to_published_posts_and_withdrawal_keeps_a_public_reason()
    {
        var account = await new Scenario(fixture).Account();
        var (author, reviewer) = (Press(account, "撰稿人"), Press(account, "审核人"));
        var posts = Posts(account);
        var policy = await Release(posts, author, reviewer, Policy());

        await Rules.Refused(HubErrorCode.NotFound, () => posts.Draft(author, new PostDraft(PostKind.Interpretation, "解读", "……", "p404")));
        var notice = await Release(posts, author, reviewer, new PostDraft(PostKind.Notice, "停水通知", "……"));
        await Rules.Refused(HubErrorCode.Conflict, () => posts.Draft(author, new PostDraft(PostKind.Interpretation, "解读", "……", notice.PostId)));
        var interpretation = await Release(posts, author, reviewer, new PostDraft(PostKind.Interpretation, "一图读懂", "……", policy.PostId));
        var correction = await Release(posts, author, reviewer, new PostDraft(PostKind.Correction, "更正", "第三条应为……", CorrectsPostId: policy.PostId));
        await Rules.Refused(HubErrorCode.BadRequest, () => posts.Withdraw(author, notice.PostId, ""));
        var withdrawn = await posts.Withdraw(author, notice.PostId, "停水计划取消");

        var page = (await posts.GetPublic()).Posts.ToDictionary(p => p.PostId);
        Assert.Equal(policy.PostId, page[interpretation.PostId].ExplainsPostId);
        Assert.Equal(policy.PostId, page[correction.PostId].CorrectsPostId);
        Assert.Equal(("停水计划取消", ""), (page[notice.PostId].WithdrawalReason, page[notice.PostId].Text));
        Assert.Equal(withdrawn.WithdrawnAt, page[notice.PostId].WithdrawnAt);
        await Rules.Refused(HubErrorCode.Forbidden, () => posts.Draft(Scenario.Staff(account, Roles.Agent), Policy()));
    }

    [Fact]
    public async Task An_admin_over_the_body_closes_an_account_with_a_public_notice_and_nothing_is_published_after()
    {
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var (author, reviewer) = (Press(account, "撰稿人"), Press(account, "审核人"));
        var posts = Posts(account);
        var draft = await posts.Draft(author, Policy());
        await posts.Submit(author, draft.PostId);
        await posts.Review(reviewer, draft.PostId, true, null);

        var (otherAdmin, inspector) = (await matrix.Member(matrix.OtherCity, Roles.Admin), await matrix.Member(matrix.City, Roles.Inspector));
        await Rules.Refused(HubErrorCode.Forbidden, () => posts.Close(otherAdmin, "关停"));
        await Rules.Refused(HubErrorCode.Forbidden, () => posts.Close(inspector, "关停"));
        var closure = await posts.Close(await matrix.Member(matrix.City, Roles.Admin), "该账号长期未更新，自即日起关停。");

        Assert.Equal(closure, (await posts.GetPublic()).Closure);
        await Rules.Refused(HubErrorCode.Conflict, () => posts.Publish(author, draft.PostId, null));
        await Rules.Refused(HubErrorCode.Conflict, () => posts.Draft(author, Policy()));
    }

    [Fact]
    public async Task A_closed_account_refuses_new_conversations_and_stores_none()
    {
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);
        var open = await fixture.Grains.GetGrain<IConversationGrain>(GeneratedId.New()).Start(Scenario.Citizen(), account, "开放时的咨询");
        Assert.Equal(account, open.AccountId);

        await Posts(account).Close(await matrix.Member(matrix.City, Roles.Admin), "该账号已关停，请通过市政务服务热线咨询。");

        var refused = fixture.Grains.GetGrain<IConversationGrain>(GeneratedId.New());
        await Rules.Refused(HubErrorCode.Conflict, () => refused.Start(Scenario.Citizen(), account, "关停后的咨询"));
        await Rules.Refused(HubErrorCode.NotFound, () => refused.Describe(Scenario.Citizen()));
    }

    [Fact]
    public async Task A_closed_account_is_listed_as_closed_so_citizens_are_no_longer_offered_it()
    {
        var matrix = await new Matrix(fixture).Build();
        var directory = fixture.Grains.GetGrain<IAccountDirectoryGrain>(0);
        var account = $"t-{Guid.NewGuid():N}";
        await directory.Register(account, "丙县农业农村局", "农业农村局");
        await matrix.Tree.PlaceAccount(Matrix.GlobalAdmin, new AccountPlacement(account, matrix.County, AccountChannel.Weibo, "丙县农业"));
        Assert.Null((await directory.List()).Single(a => a.Id == account).ClosedAt);

        await Posts(account).Close(await matrix.Member(matrix.City, Roles.Admin), "该账号已关停。");

        var listed = (await directory.List()).Single(a => a.Id == account);
        Assert.Equal((await Posts(account).GetClosure())!.ClosedAt, listed.ClosedAt);
    }

    private static async Task<Post> Release(IAccountPostsGrain posts, Caller author, Caller reviewer, PostDraft draft)
    {
        var post = await posts.Draft(author, draft);
        await posts.Submit(author, post.PostId);
        await posts.Review(reviewer, post.PostId, true, null);
        return await posts.Publish(author, post.PostId, null);
    }

    private static Task Tick(IAccountPostsGrain posts, TimeSpan by)
    {
        ClusterFixture.Time.Advance(by);
        return posts.AsReference<IRemindable>().ReceiveReminder(AccountPostsGrain.ScheduleReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }
}
