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
