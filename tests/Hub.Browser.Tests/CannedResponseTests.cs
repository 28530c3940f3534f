using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CannedResponseTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_supervisor_keeps_canned_responses_and_labels_and_an_agent_uses_them()
    {
        var account = await browser.Api.Account("市人社局", "人力资源和社会保障");
        var supervisorStaff = await browser.Api.StaffMember(account, "周主管", "supervisor");
        var agentStaff = await browser.Api.StaffMember(account, "吴坐席", "agent");

        var desk = await browser.SignedIn("/desk.html", supervisorStaff.Username);
        await Expect(desk.Locator("#account")).ToHaveValueAsync(account);
        foreach (var label in new[] { "咨询", "投诉" })
        {
            await desk.FillAsync("#newLabel", label);
            await desk.Locator("#newLabel").PressAsync("Enter");
            await Expect(desk.Locator("#deskLabels .label-chip", new() { HasText = label })).ToBeVisibleAsync();
        }
        await desk.FillAsync("#cannedTitle", "社保问候");
        await desk.FillAsync("#cannedText", "{citizen}您好，社保卡补办请带身份证到任一网点。");
        await desk.ClickAsync("#cannedSave");
        // Saving clears the form once it is stored: the next one is typed after that.
        await Expect(desk.Locator("#cannedList .canned-item")).ToHaveCountAsync(1);
        await desk.FillAsync("#cannedTitle", "结束语");
        await desk.FillAsync("#cannedText", "感谢您的来电。");
        await desk.ClickAsync("#cannedSave");
        await Expect(desk.Locator("#cannedList .canned-item")).ToHaveCountAsync(2);

        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#available").CheckAsync();
        var citizen = await browser.CitizenStarts(account, "郑市民", "社保卡补办");
        await agent.Locator("#conversations .conversation").ClickAsync();

        var composer = agent.Locator("#composer");
        await composer.PressSequentiallyAsync("/社保");
        var options = agent.Locator("#cannedMenu [role=option]");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options).ToContainTextAsync("郑市民您好");
        await composer.PressAsync("Backspace");
        await composer.PressAsync("Backspace");
        await Expect(options).ToHaveCountAsync(2);
        await composer.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await composer.PressAsync("Escape");
        await Expect(agent.Locator("#cannedMenu")).ToBeHiddenAsync();
        await composer.FillAsync("");
        await composer.PressSequentiallyAsync("/社保");
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("郑市民您好，社保卡补办请带身份证到任一网点。");
        await Expect(citizen.Locator("#messages .message")).ToHaveCountAsync(0);
        await composer.PressAsync("Enter");
        await Expect(citizen.Locator("#messages .message[data-role=agent]")).ToContainTextAsync("郑市民您好，社保卡补办");

        await agent.Locator("#labelAdd").SelectOptionAsync("投诉");
        var chip = agent.Locator("#labelChips .label-chip");
        await Expect(chip).ToHaveTextAsync("投诉×");
        await agent.Locator("#labelAdd").SelectOptionAsync("咨询");
        await Expect(chip).ToHaveCountAsync(2);
        await Expect(agent.GetByRole(AriaRole.Button, new() { Name = "移除标签「投诉」" })).ToBeVisibleAsync();
    }
}
