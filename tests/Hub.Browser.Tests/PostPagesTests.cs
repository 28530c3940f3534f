using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PostPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_post_goes_from_draft_through_two_reviewers_to_the_public_page_where_a_follower_sees_it_live()
    {
        const string title = "关于延长小微企业稳岗补贴的通知";
        var account = await browser.Api.Account("甲市人社");
        var (author, first, second) = (await browser.Api.StaffMember(account, "李撰稿", "press"),
            await browser.Api.StaffMember(account, "周审核", "press"), await browser.Api.StaffMember(account, "吴审核", "press"));
        var admin = await browser.Api.Admin();
        (await browser.Api.Send(HttpMethod.Put, $"/api/accounts/{account}/review-policy", admin.Token, new { reviewers = 2 })).EnsureSuccessStatusCode();

        var follower = await browser.NewPage($"/account.html?id={account}");
        await Expect(follower.Locator("#accountName")).ToHaveTextAsync("甲市人社");
        await follower.ClickAsync("#follow");
        await Expect(follower.Locator("#notice")).ToContainTextAsync("已关注");
        await Expect(follower.Locator("#follow")).ToHaveAttributeAsync("aria-pressed", "true");

        var writer = await browser.SignedIn($"/posts.html?account={account}", author.Username);
        await Expect(writer.Locator("#accountState")).ToContainTextAsync("2 人审核");
        await writer.FillAsync("#draftTitle", title);
        await writer.FillAsync("#draftText", "稳岗补贴政策延长至明年年底。");
        await writer.ClickAsync("#saveDraft");
        await writer.ClickAsync("#all-p1-submit");
        await writer.ClickAsync("#review-p1-approve");
        await Expect(writer.Locator("#review-p1-approve-error")).ToHaveTextAsync("没有权限执行此操作");

        foreach (var (reviewer, approvals) in new[] { (first, "已审核 1/2"), (second, "已审核 2/2") })
        {
            var page = await browser.SignedIn($"/posts.html?account={account}", reviewer.Username);
            await page.ClickAsync("#review-p1-approve");
            await Expect(page.Locator("#notice")).ToContainTextAsync($"已审核通过「{title}」");
            await Expect(page.Locator("#postList [data-post-id=p1] .post-meta")).ToContainTextAsync(approvals);
        }
        await Expect(follower.Locator("#publicPosts")).Not.ToContainTextAsync(title);

        await writer.ReloadAsync();
        await writer.ClickAsync("#all-p1-publish");
        await Expect(writer.Locator("#postList [data-post-id=p1] .post-status")).ToHaveTextAsync("已发布");

        var live = follower.Locator("#publicPosts [data-post-id=p1]");
        await Expect(live).ToContainTextAsync(title);
        await Expect(live.Locator(".new-chip")).ToHaveTextAsync("新");
        await Expect(follower.Locator("#notice")).ToContainTextAsync($"新发布：{title}");
    }

    [Fact]
    public async Task A_returned_draft_is_edited_in_place_with_its_note_in_view_and_the_approved_post_carries_the_new_text()
    {
        const string title = "关于调整公租房租金标准的通知";
        const string note = "请补充新标准的执行日期";
        const string edited = "新标准自下月一日起执行，已签约的租户按原合同到期后调整。";
        var account = await browser.Api.Account("丁市住建");
        var (author, reviewer) = (await browser.Api.StaffMember(account, "郑撰稿", "press"), await browser.Api.StaffMember(account, "王审核", "press"));

        var writer = await browser.SignedIn($"/posts.html?account={account}", author.Username);
        await writer.FillAsync("#draftTitle", title);
        await writer.FillAsync("#draftText", "公租房租金标准将作调整。");
        await writer.ClickAsync("#saveDraft");
        await writer.ClickAsync("#all-p1-submit");
        await Expect(writer.Locator("#notice")).ToContainTextAsync($"已提交审核「{title}」");

        var checker = await browser.SignedIn($"/posts.html?account={account}", reviewer.Username);
        await checker.FillAsync("#review-p1-note", note);
        await checker.ClickAsync("#review-p1-return");
        await Expect(checker.Locator("#notice")).ToContainTextAsync($"已退回「{title}」");

        await writer.ReloadAsync();
        await writer.ClickAsync("#all-p1-edit");
        await Expect(writer.Locator("#draftTitle")).ToBeFocusedAsync();
        await Expect(writer.Locator("#draftTitle")).ToHaveValueAsync(title);
        await Expect(writer.Locator("#draftText")).ToHaveValueAsync("公租房租金标准将作调整。");
        await Expect(writer.Locator("#draftNote")).ToHaveTextAsync($"退回意见：{note}");
        await Expect(writer.Locator("#draftHeading")).ToHaveTextAsync("修改草稿");
        await Expect(writer.Locator("#saveDraft")).ToHaveTextAsync("保存修改");
        await Expect(writer.Locator("#cancelEdit")).ToHaveTextAsync("取消");
        await Expect(writer.Locator("#draftKindField")).ToBeHiddenAsync();

        await writer.FillAsync("#draftText", edited);
        await writer.ClickAsync("#saveDraft");
        await Expect(writer.Locator("#all-p1-edit")).ToBeFocusedAsync();
        await Expect(writer.Locator("#notice")).ToContainTextAsync($"已保存对「{title}」的修改");
        await Expect(writer.Locator("#postList [data-post-id=p1] .post-text")).ToHaveTextAsync(edited);
        await Expect(writer.Locator("#postList [data-post-id=p1] .post-note")).ToHaveTextAsync($"退回意见：{note}");
        await Expect(writer.Locator("#saveDraft")).ToHaveTextAsync("保存草稿");
        await Expect(writer.Locator("#draftTitle")).ToHaveValueAsync("");
        await Expect(writer.Locator("#draftNote")).ToBeHiddenAsync();

        await writer.ClickAsync("#all-p1-submit");
        await Expect(writer.Locator("#postList [data-post-id=p1] .post-status")).ToHaveTextAsync("审核中");
        await checker.ReloadAsync();
        await Expect(checker.Locator("#reviewList [data-post-id=p1] .post-text")).ToHaveTextAsync(edited);
        await checker.ClickAsync("#review-p1-approve");
        await Expect(checker.Locator("#postList [data-post-id=p1] .post-status")).ToHaveTextAsync("待发布");

        var officer = await browser.Api.SignIn(author.Username, HubApi.StaffPassword);
        var queue = await BodiesClient.Ok(await browser.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts/queue", officer.Token));
        var approved = queue.GetProperty("posts").EnumerateArray().Single(p => p.Str("postId") == "p1");
        Assert.Equal(("approved", title, edited), (approved.Str("status"), approved.Str("title"), approved.Str("text")));
    }

    [Fact]
    public async Task Saving_a_draft_submitted_meanwhile_is_refused_beside_the_form_and_the_list_shows_where_it_went()
    {
        var account = await browser.Api.Account("戊区应急");
        var author = await browser.Api.StaffMember(account, "孙撰稿", "press");
        var officer = await browser.Api.SignIn(author.Username, HubApi.StaffPassword);
        await BodiesClient.Ok(await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts", officer.Token,
            new { kind = "notice", title = "防汛应急响应启动", text = "即日起启动防汛四级应急响应。" }));

        var writer = await browser.SignedIn($"/posts.html?account={account}", author.Username);
        await writer.ClickAsync("#all-p1-edit");
        await writer.Keyboard.PressAsync("Escape");
        await Expect(writer.Locator("#all-p1-edit")).ToBeFocusedAsync();
        await Expect(writer.Locator("#cancelEdit")).ToBeHiddenAsync();

        await writer.ClickAsync("#all-p1-edit");
        await BodiesClient.Ok(await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/p1/submit", officer.Token));
        await writer.FillAsync("#draftText", "即日起启动防汛三级应急响应。");
        await writer.ClickAsync("#saveDraft");

        await Expect(writer.Locator("#draftTitle-error")).ToHaveTextAsync("当前状态下无法执行此操作");
        await Expect(writer.Locator("#saveDraft")).ToHaveTextAsync("保存修改");
        await Expect(writer.Locator("#postList [data-post-id=p1] .post-status")).ToHaveTextAsync("审核中");
        await writer.ClickAsync("#cancelEdit");
        await Expect(writer.Locator("#all-p1-title")).ToBeFocusedAsync();
        await Expect(writer.Locator("#draftTitle-error")).ToHaveCountAsync(0);
        await Expect(writer.Locator("#saveDraft")).ToHaveTextAsync("保存草稿");
        var queue = await BodiesClient.Ok(await browser.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/posts/queue", officer.Token));
        Assert.Equal("即日起启动防汛四级应急响应。", queue.GetProperty("posts")[0].Str("text"));
    }

    [Fact]
    public async Task A_closed_account_says_so_to_its_followers_at_once_and_to_later_visitors()
    {
        var account = await browser.Api.Account("乙县融媒");
        var follower = await browser.NewPage($"/account.html?id={account}", "en");
        await follower.ClickAsync("#follow");
        await Expect(follower.Locator("#notice")).ToContainTextAsync("You follow");
        await Expect(follower.Locator("#closedBanner")).ToBeHiddenAsync();

        var admin = await browser.Api.Admin();
        (await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/closure", admin.Token,
            new { notice = "该账号已关停，请关注县政府网站。" })).EnsureSuccessStatusCode();

        await Expect(follower.Locator("#closedBanner")).ToContainTextAsync("This account is closed");
        await Expect(follower.Locator("#closedNotice")).ToContainTextAsync("该账号已关停，请关注县政府网站。");
        var visitor = await browser.NewPage($"/account.html?id={account}");
        await Expect(visitor.Locator("#closedBanner")).ToContainTextAsync("该账号已关停");
    }

    [Fact]
    public async Task The_directory_lists_the_accounts_and_opens_each_public_page()
    {
        var account = await browser.Api.Account("丙市发布");
        var directory = await browser.NewPage("/account.html");

        await directory.ClickAsync($"a[href='/account.html?id={account}']");

        await Expect(directory.Locator("#accountName")).ToHaveTextAsync("丙市发布");
        await Expect(directory.Locator("#publicEmpty")).ToBeVisibleAsync();
    }
}
