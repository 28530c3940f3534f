using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// What draws an agent's eye: a desktop notification for new work while the console is not in
/// view (naming the subject, never the citizen's words), the last message and the waiting time
/// in the list, the service-level clocks of the selected conversation, links and phone numbers
/// that open, and the citizen's rating as it arrives.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentAttentionTests(BrowserFixture browser)
{
    // Records what the page shows as desktop notifications; the permission is granted to the context.
    private const string RecordNotifications = """
        window.shownNotifications = [];
        window.Notification = class extends window.Notification {
          constructor(title, options) {
            super(title, options);
            window.shownNotifications.push(options.body);
          }
        };
        """;

    [Fact]
    public async Task An_agent_away_from_the_console_is_notified_and_the_list_shows_who_waits_for_what()
    {
        var account = await browser.Api.Account("市生态环境局", "环境投诉");
        var agentStaff = await browser.Api.StaffMember(account, "钱坐席", "agent");
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.Api.Address.ToString(),
            Locale = "zh-CN",
            Permissions = ["notifications"],
        });
        await context.AddInitScriptAsync(RecordNotifications);
        var agent = await context.NewPageAsync();
        await agent.GotoAsync("/agent.html");
        await agent.FillAsync("#username", agentStaff.Username);
        await agent.FillAsync("#password", HubApi.StaffPassword);
        await agent.ClickAsync("#signIn");
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#desktopCue").CheckAsync();
        await agent.Locator("#available").CheckAsync();
        // The agent turns to another window.
        await agent.EvaluateAsync("() => { document.hasFocus = () => false; }");

        var citizen = await browser.CitizenStarts(account, "周市民", "夜间施工噪声");
        await Expect(citizen.Locator("#status")).ToContainTextAsync("钱坐席");
        await agent.WaitForFunctionAsync("() => window.shownNotifications.includes('新会话：夜间施工噪声')");

        await citizen.FillAsync("#composer", "工地地址见 https://example.gov.cn/map?id=7 ，或请回电 13812345678");
        await citizen.Locator("#composer").PressAsync("Enter");
        var row = agent.Locator("#conversations .conversation");
        await Expect(row.Locator(".conv-preview")).ToContainTextAsync("工地地址见");
        await Expect(row.Locator(".conv-wait")).ToHaveTextAsync("刚刚");
        await agent.WaitForFunctionAsync("() => window.shownNotifications.includes('「夜间施工噪声」有新消息')");
        Assert.DoesNotContain(await agent.EvaluateAsync<string[]>("() => window.shownNotifications"), body => body.Contains("13812345678"));

        await row.ClickAsync();
        var clocks = agent.Locator("#chatClocks");
        await Expect(clocks).ToContainTextAsync("首次响应：剩余");
        await Expect(clocks).ToContainTextAsync("办结：剩余");
        var text = agent.Locator("#messages .message[data-role=citizen] .text");
        await Expect(text.Locator("a[href='https://example.gov.cn/map?id=7']")).ToHaveTextAsync("https://example.gov.cn/map?id=7");
        await Expect(text.Locator("a[href='tel:13812345678']")).ToHaveTextAsync("13812345678");

        await agent.FillAsync("#composer", "已通知执法队今晚到场。");
        await agent.ClickAsync("#send");
        await Expect(row.Locator(".conv-wait")).ToBeEmptyAsync();
        await Expect(clocks).Not.ToContainTextAsync("首次响应");
        await Expect(clocks).ToContainTextAsync("办结：剩余");
        await Expect(row.Locator(".conv-preview")).ToHaveTextAsync("已通知执法队今晚到场。");

        await agent.ClickAsync("#resolve");
        await agent.ClickAsync("#resolveConfirm");
        await citizen.Locator("#rating [data-score='4']").ClickAsync();
        await Expect(agent.Locator("#chatMeta")).ToContainTextAsync("市民评分：4 星");
        await context.CloseAsync();
    }
}
