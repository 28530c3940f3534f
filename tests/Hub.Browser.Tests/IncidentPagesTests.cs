using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IncidentPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Press_officers_run_an_incident_from_opening_to_closure_while_the_public_page_follows_live()
    {
        var account = await browser.Api.Account("市应急管理局", "应急管理");
        var drafter = await browser.Api.StaffMember(account, "郑起草", "press");
        var reviewer = await browser.Api.StaffMember(account, "冯审核", "press");

        var first = await SignedInConsole(drafter);
        await first.Locator("#eventAccount").SelectOptionAsync(account);
        await first.Locator("#eventKind").SelectOptionAsync("incident");
        await first.FillAsync("#eventTitle", "化工园区储罐起火");
        await first.Locator("#eventSeverity").SelectOptionAsync("2");
        await first.ClickAsync("#createEvent");
        var listed = first.Locator("#events .event").Filter(new() { HasText = "化工园区储罐起火" });
        await Expect(listed).ToHaveCountAsync(1);
        var eventId = await listed.GetAttributeAsync("data-id");

        var audience = await browser.NewPage($"/event.html?id={eventId}");
        await Expect(audience.Locator("#eventTitle")).ToContainTextAsync("化工园区储罐起火");
        await Expect(audience.Locator("#clocks .clock[data-name=information]")).ToHaveAttributeAsync("data-status", "pending");

        await first.FillAsync("#statementText", "火势已得到控制，周边居民无需撤离。");
        await first.ClickAsync("#draftStatement");
        var statement = first.Locator("#statements .statement").First;
        await Expect(statement).ToHaveAttributeAsync("data-status", "draft");
        await Expect(statement.Locator(".approve")).ToBeDisabledAsync();
        await Expect(statement.Locator(".publish")).ToBeDisabledAsync();

        var second = await SignedInConsole(reviewer);
        await second.Locator($"#events .event[data-id='{eventId}']").ClickAsync();
        await second.Locator("#statements .statement .approve").ClickAsync();

        await Expect(statement).ToHaveAttributeAsync("data-status", "approved");
        await statement.Locator(".publish").ClickAsync();
        await Expect(audience.Locator("#timeline .update[data-seq='1']")).ToContainTextAsync("火势已得到控制");
        await Expect(audience.Locator("#clocks .clock[data-name=information]")).ToHaveAttributeAsync("data-status", "met");

        await first.FillAsync("#conferencePlace", "市政府新闻发布厅");
        await first.ClickAsync("#recordConference");
        await Expect(audience.Locator("#clocks .clock[data-name=pressConference]")).ToHaveAttributeAsync("data-status", "met");

        await first.FillAsync("#closeSummary", "明火已扑灭，无人员伤亡，事件处置完毕。");
        await first.ClickAsync("#closeEvent");
        await Expect(audience.Locator("#closingSummary")).ToContainTextAsync("明火已扑灭");
        await first.Locator("#auditTrail summary").ClickAsync();
        await Expect(first.Locator("#auditTrail")).ToContainTextAsync("冯审核");
    }

    private async Task<IPage> SignedInConsole(HubApi.Staff officer)
    {
        var page = await browser.SignedIn("/press.html", officer.Username);
        await Expect(page.Locator("#newEventForm")).ToBeVisibleAsync();
        return page;
    }
}
