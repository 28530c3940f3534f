using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// The widget on a government site of another origin: the chat opens in its frame only where
/// the account allows that site, speaks the site's language, and reaches the account's agents.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_allowed_site_opens_the_chat_in_its_language_and_a_message_reaches_an_agent()
    {
        var account = await browser.Api.Account("市政务服务中心", "政务服务管理局");
        var agentStaff = await browser.Api.StaffMember(account, "孙坐席", "agent");
        await using var site = await HostSite.Start(browser.Api.Address, account, "en");
        await AllowEmbedding(account, site.Origin);

        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#available").CheckAsync();

        var host = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await host.GotoAsync(site.Origin + "/");
        var launcher = host.Locator("#hub-widget-launcher");
        await Expect(launcher).ToHaveTextAsync("Chat with us");
        await launcher.ClickAsync();
        var chat = host.FrameLocator("#hub-widget-panel iframe");
        await Expect(chat.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await chat.Locator("#displayName").FillAsync("Visitor Li");
        await chat.Locator("#signIn").ClickAsync();
        await Expect(chat.Locator("#account")).ToHaveValueAsync(account);
        await chat.Locator("#start").ClickAsync();
        await Expect(chat.Locator("#status")).ToContainTextAsync("孙坐席");
        await chat.Locator("#composer").FillAsync("How do I renew a residence permit?");
        await chat.Locator("#composer").PressAsync("Enter");

        var conversation = agent.Locator("#conversations .conversation");
        await Expect(conversation).ToHaveCountAsync(1);
        await conversation.ClickAsync();
        await Expect(agent.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("renew a residence permit");
    }

    [Fact]
    public async Task A_site_the_account_does_not_allow_gets_its_frame_refused()
    {
        var account = await browser.Api.Account("市住建局", "住房和城乡建设局");
        await using var site = await HostSite.Start(browser.Api.Address, account, "zh-CN");
        await AllowEmbedding(account, "https://portal.example.gov.cn");

        var host = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await host.GotoAsync(site.Origin + "/");
        var launcher = host.Locator("#hub-widget-launcher");
        await Expect(launcher).ToHaveTextAsync("在线咨询");
        var refusal = host.WaitForConsoleMessageAsync(new PageWaitForConsoleMessageOptions
        {
            Predicate = message => message.Text.Contains("frame-ancestors", StringComparison.Ordinal),
        });
        await launcher.ClickAsync();

        await refusal;
        await Expect(host.FrameLocator("#hub-widget-panel iframe").Locator("#displayName")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Embedding_origins_are_validated_and_kept_by_admins_only()
    {
        var account = await browser.Api.Account("市交通局", "交通运输局");
        var admin = (await browser.Api.Admin()).Token;
        var citizen = (await browser.Api.Citizen()).Token;

        var refused = await browser.Api.Send(HttpMethod.Put, $"/api/accounts/{account}/embedding", admin, new { origins = new[] { "https://portal.example.gov.cn/path" } });
        var forbidden = await browser.Api.Send(HttpMethod.Put, $"/api/accounts/{account}/embedding", citizen, new { origins = new[] { "https://portal.example.gov.cn" } });
        var kept = await browser.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/embedding", admin);
        var stored = await browser.Api.Send(HttpMethod.Put, $"/api/accounts/{account}/embedding", admin, new { origins = new[] { "HTTPS://Portal.Example.gov.cn:443/", "http://127.0.0.1:8080" } });
        var unknown = await browser.Api.Send(HttpMethod.Put, "/api/accounts/no-such-account/embedding", admin, new { origins = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("""{"origins":[]}""", await kept.Content.ReadAsStringAsync());
        Assert.Equal("""{"origins":["https://portal.example.gov.cn","http://127.0.0.1:8080"]}""", await stored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task AllowEmbedding(string account, string origin)
    {
        var admin = (await browser.Api.Admin()).Token;
        var answer = await browser.Api.Send(HttpMethod.Put, $"/api/accounts/{account}/embedding", admin, new { origins = new[] { origin } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
