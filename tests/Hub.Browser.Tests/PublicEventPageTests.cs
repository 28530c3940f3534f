using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PublicEventPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_event_page_leads_with_the_latest_update_above_the_deadlines()
    {
        var account = await browser.Api.Account("市应急管理局", "应急管理");
        var press = await browser.Api.Press(account);
        var eventId = await browser.Api.OpenEvent(press.Token, account, severity: 4, title: "河道水位上涨");
        await using (var officer = await LiveClient.Connect(browser.Api.Address, press.Token))
        {
            foreach (var text in new[] { "上游水位已超警戒线，请沿河居民注意安全。", "水位已回落，沿河道路恢复通行。" })
            {
                var statementId = (await officer.Invoke<JsonElement>("DraftStatement", eventId, text)).GetProperty("statementId").GetString();
                await officer.Invoke<JsonElement>("PublishStatement", eventId, statementId);
            }
        }

        var page = await browser.NewPage($"/event.html?id={eventId}");
        var first = page.Locator("#timeline .update").First;
        await Expect(first).ToContainTextAsync("水位已回落");
        await Expect(first.Locator(".update-latest-tag")).ToHaveTextAsync("最新");
        var sections = await page.Locator("#eventView > section:visible").EvaluateAllAsync<string[]>("all => all.map(s => s.id || s.querySelector('h2').id)");
        Assert.Equal("timelineHeading", sections[0]);
    }

    [Fact]
    public async Task The_list_filters_live_sessions_from_incidents_and_calls_them_live()
    {
        var account = await browser.Api.Account("市文旅局", "文化和旅游");
        var press = await browser.Api.Press(account);
        await browser.Api.OpenEvent(press.Token, account, severity: 4, title: "景区临时闭园");
        await browser.Api.OpenEvent(press.Token, account, severity: 4, title: "文旅局长在线访谈", kind: "live");

        var page = await browser.NewPage("/event.html");
        await Expect(page.Locator("#eventList")).ToContainTextAsync("景区临时闭园");
        await page.ClickAsync("#kindFilter [data-kind=live]");
        var live = page.Locator("#eventList .public-event").Filter(new() { HasText = "文旅局长在线访谈" });
        await Expect(live.Locator(".ev-status")).ToHaveTextAsync("直播中");
        await Expect(page.Locator("#eventList")).Not.ToContainTextAsync("景区临时闭园");
        Assert.Contains("kind=live", page.Url);
        await Expect(page.Locator("#kindFilter [data-kind=live]")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task An_address_of_no_event_says_what_to_do_next_in_the_pages_language()
    {
        var page = await browser.NewPage("/event.html?id=no-such-event");
        await Expect(page.Locator("#missingView")).ToBeVisibleAsync();
        await Expect(page.Locator("#missingView a[href='/event.html']")).ToHaveTextAsync("查看全部事件");
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
        await Expect(page.Locator("#eventView")).ToBeHiddenAsync();
    }
}
