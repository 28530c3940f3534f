using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ChatPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_and_an_agent_chat_through_the_real_pages()
    {
        var account = await browser.Api.Account("市人社局", "人力资源和社会保障");
        var agentStaff = await browser.Api.StaffMember(account, "赵坐席", "agent");

        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#available").CheckAsync();

        var citizen = await browser.CitizenStarts(account, "钱市民", "养老保险转移");
        await Expect(citizen.Locator("#status")).ToContainTextAsync("赵坐席");

        await citizen.FillAsync("#composer", "您好，养老保险怎么跨省转移？");
        await citizen.Locator("#composer").PressAsync("Enter");
        var conversation = agent.Locator("#conversations .conversation");
        await Expect(conversation).ToHaveCountAsync(1);
        await Expect(agent).ToHaveTitleAsync("(1) 坐席工作台");
        await conversation.ClickAsync();
        await Expect(agent.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("养老保险怎么跨省转移");

        await agent.FillAsync("#composer", "请登录国家社会保险公共服务平台申请。");
        await agent.ClickAsync("#send");
        await Expect(citizen.Locator("#messages .message[data-role=agent]")).ToContainTextAsync("国家社会保险公共服务平台");
        await Expect(citizen.Locator("#messages .message")).ToHaveCountAsync(2);

        await agent.ClickAsync("#resolve");
        await Expect(agent.Locator("#resolveDialog")).ToBeVisibleAsync();
        await agent.ClickAsync("#resolveCancel");
        await Expect(agent.Locator("#resolve")).ToBeFocusedAsync();
        await Expect(citizen.Locator("#composer")).ToBeEnabledAsync();
        await agent.ClickAsync("#resolve");
        await agent.ClickAsync("#resolveConfirm");
        await citizen.Locator("#rating [data-score='5']").ClickAsync();
        await Expect(citizen.Locator("#thanks")).ToBeVisibleAsync();
    }
}
