using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>The matrix, the posts page and the public account page pass axe in use: signed in, with bodies and posts on screen and a draft open for editing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GovernanceAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task The_governance_pages_pass_an_axe_scan_with_content(string language)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var admin = await browser.Api.Admin();
        (await browser.Api.Send(HttpMethod.Post, "/api/bodies", admin.Token, new { id = $"s-{suffix}", name = "某省人民政府", level = "province" })).EnsureSuccessStatusCode();
        var account = await browser.Api.Account("甲市人社");
        var (author, reviewer) = (await browser.Api.StaffMember(account, "李撰稿", "press"), await browser.Api.StaffMember(account, "周审核", "press"));
        var writer = await browser.Api.SignIn(author.Username, HubApi.StaffPassword);
        (await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts", writer.Token, new { kind = "policy", title = "稳岗补贴", text = "全文" })).EnsureSuccessStatusCode();
        (await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts/p1/submit", writer.Token)).EnsureSuccessStatusCode();
        (await browser.Api.Send(HttpMethod.Post, $"/api/accounts/{account}/posts", writer.Token, new { kind = "notice", title = "办事指南", text = "初稿" })).EnsureSuccessStatusCode();

        var matrix = await browser.NewPage("/matrix.html", language);
        await SignIn(matrix, HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);
        await Expect(matrix.Locator("#bodyTree button").First).ToBeVisibleAsync();
        var posts = await browser.NewPage($"/posts.html?account={account}", language);
        await SignIn(posts, reviewer.Username, HubApi.StaffPassword);
        await Expect(posts.Locator("#review-p1-approve")).ToBeVisibleAsync();
        await posts.ClickAsync("#all-p2-edit");
        await Expect(posts.Locator("#cancelEdit")).ToBeVisibleAsync();
        var directory = await browser.NewPage("/account.html", language);
        await Expect(directory.Locator($"a[href='/account.html?id={account}']")).ToBeVisibleAsync();
        var accountPage = await browser.NewPage($"/account.html?id={account}", language);
        await Expect(accountPage.Locator("#accountName")).ToHaveTextAsync("甲市人社");
        var signInPages = new[] { await browser.NewPage("/matrix.html", language), await browser.NewPage("/posts.html", language) };

        foreach (var page in new[] { matrix, posts, directory, accountPage }.Concat(signInPages))
        {
            Assert.Empty(await AccessibilityScanTests.Violations(page));
        }
    }

    private static async Task SignIn(Microsoft.Playwright.IPage page, string username, string password)
    {
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signIn");
    }
}
