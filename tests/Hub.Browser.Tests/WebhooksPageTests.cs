using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// The webhooks page: an admin subscribes a receiver (a bad address refused at its field, the
/// secret shown once), sees the delivery of a new conversation fail in the live log, and
/// replays it once the receiver is back; a body's admin subscribes for the body's accounts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhooksPageTests(BrowserFixture browser) : IAsyncLifetime
{
    // A node of its own: the receiver sits on loopback, which the shared node refuses.
    private readonly HubAppFactory _node = new(new Dictionary<string, string>
    {
        ["Hub:Webhooks:AllowPrivateAddresses"] = "true",
        ["Hub:Webhooks:PollPeriod"] = "00:00:00.100",
        ["Hub:Webhooks:MaxAttempts"] = "1",
    });

    private HubApi _api = null!;
    private IBrowserContext? _context;

    public Task InitializeAsync()
    {
        _api = new HubApi(_node.Address);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_subscribes_a_receiver_sees_its_failed_delivery_live_and_replays_it()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = 500;
        var account = await _api.Account("市应急管理局", "应急管理");
        var page = await SignedIn(HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);
        await page.Locator("#owner").SelectOptionAsync($"account:{account}");

        await page.FillAsync("#hookUrl", "ftp://example.org/hooks");
        await page.ClickAsync("#subscribe");
        await Expect(page.Locator("#hookUrl-error")).ToHaveTextAsync("请填写以 http:// 或 https:// 开头的完整地址");
        await Expect(page.Locator("#hookUrl")).ToBeFocusedAsync();
        await page.FillAsync("#hookUrl", receiver.Url);
        await page.ClickAsync("#subscribe");
        await Expect(page.Locator("#hookTypes-error")).ToHaveTextAsync("请至少选择一种事件");
        await page.Locator("#hookTypes input[value='conversation.created']").CheckAsync();
        await page.ClickAsync("#subscribe");

        await Expect(page.Locator("#secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Expect(page.Locator("#subscriptions")).ToContainTextAsync(receiver.Url);
        await StartConversation(account);
        var row = page.Locator("#deliveryRows tr[data-status=dead]");
        await Expect(row).ToContainTextAsync("新会话");
        await Expect(row).ToContainTextAsync("HTTP 500");
        await receiver.Next();

        receiver.Answer = 204;
        await row.Locator("button").ClickAsync();
        var delivered = page.Locator("#deliveryRows tr[data-status=delivered]");
        await Expect(delivered).ToContainTextAsync("已送达");
        var replayed = await receiver.Next();
        Assert.Equal("conversation.created", JsonSerializer.Deserialize<JsonElement>(replayed.Body).GetProperty("type").GetString());
        await Expect(page.Locator("#deliveryRows tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_body_admin_subscribes_the_body_and_receives_the_events_of_its_accounts()
    {
        await using var receiver = await WebhookReceiver.Start();
        var bodies = new BodiesClient(_api);
        var admin = (await _api.Admin()).Token;
        var city = await bodies.Body(admin, "city", null, "乙市人民政府");
        var county = await bodies.Body(admin, "county", city, "丙县人民政府");
        var account = await bodies.Account(admin, county);
        var cityAdmin = await bodies.Member(admin, city, "admin");
        var page = await SignedIn(cityAdmin.Username, HubApi.StaffPassword);

        await Expect(page.Locator("#owner option")).ToHaveCountAsync(2);
        await page.Locator("#owner").SelectOptionAsync($"body:{county}");
        await page.FillAsync("#hookUrl", receiver.Url);
        await page.Locator("#hookTypes input[value='conversation.created']").CheckAsync();
        await page.ClickAsync("#subscribe");
        await Expect(page.Locator("#subscriptions")).ToContainTextAsync(receiver.Url);
        await StartConversation(account);

        await Expect(page.Locator("#deliveryRows tr[data-status=delivered]")).ToContainTextAsync("新会话");
        Assert.Equal(account, JsonSerializer.Deserialize<JsonElement>((await receiver.Next()).Body).GetProperty("accountId").GetString());
    }

    private async Task<IPage> SignedIn(string username, string password)
    {
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _api.Address.ToString(), Locale = "zh-CN" });
        await _context.AddInitScriptAsync("localStorage.setItem('hub.lang', 'zh')");
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/webhooks.html");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signIn");
        await Expect(page.Locator("#webhooksView")).ToBeVisibleAsync();
        return page;
    }

    private async Task StartConversation(string account)
    {
        await using var citizen = await LiveClient.Connect(_api.Address, (await _api.Citizen()).Token);
        await citizen.Invoke<JsonElement>("StartConversation", account, "防汛物资咨询");
    }
}
