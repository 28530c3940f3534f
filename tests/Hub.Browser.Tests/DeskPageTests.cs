using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DeskPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_supervisor_sees_the_desk_sets_a_capacity_and_reassigns_between_agents()
    {
        var account = await browser.Api.Account("市医保局", "医疗保障");
        var supervisor = await browser.Api.StaffMember(account, "陈主管", "supervisor");
        var first = await browser.Api.StaffMember(account, "甲坐席", "agent");
        var second = await browser.Api.StaffMember(account, "乙坐席", "agent");

        // Both agents are connected but take no new work, so the citizen waits in the queue.
        var firstAgent = await SignIn("/agent.html", first);
        var secondAgent = await SignIn("/agent.html", second);
        var citizen = await browser.CitizenStarts(account, "钱市民", "医保异地备案");
        await Expect(citizen.Locator("#status")).ToContainTextAsync("排队");

        var desk = await SignIn("/desk.html", supervisor);
        await Expect(desk.Locator("#account")).ToHaveValueAsync(account);
        var firstRow = desk.Locator("#agents tr", new() { HasText = "甲坐席" });
        var secondRow = desk.Locator("#agents tr", new() { HasText = "乙坐席" });
        await Expect(firstRow.Locator(".agent-status")).ToHaveTextAsync("暂停接入");
        await Expect(secondRow.Locator(".agent-status")).ToHaveTextAsync("暂停接入");
        var waiting = desk.Locator("#queue tr");
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting.Locator(".waited")).ToContainTextAsync("秒");
        await Expect(waiting).ToContainTextAsync("医保异地备案");
        var conversationId = await waiting.GetAttributeAsync("data-key");
        Assert.Matches("^[0-9a-f]{32}$", conversationId);

        await firstRow.Locator(".capacity-input").FillAsync("0");
        await firstRow.Locator(".capacity-save").ClickAsync();
        await Expect(firstRow.Locator(".capacity-error")).ToHaveTextAsync("请输入 1 到 100 之间的整数");
        await firstRow.Locator(".capacity-input").FillAsync("2");
        await firstRow.Locator(".capacity-save").ClickAsync();
        await Expect(firstRow.Locator(".desk-load")).ToHaveTextAsync("0 / 2");
        await Expect(firstRow.Locator(".capacity-error")).ToBeEmptyAsync();

        await Reassign(desk, waiting.Locator("button"), "甲坐席");
        await Expect(firstAgent.Locator("#conversations .conversation")).ToContainTextAsync("医保异地备案");
        await Expect(desk.Locator("#queueEmpty")).ToBeVisibleAsync();
        await Expect(firstRow.Locator(".desk-load")).ToHaveTextAsync("1 / 2");

        await Reassign(desk, firstRow.Locator($"[data-reassign='{conversationId}']"), "乙坐席");
        await Expect(secondAgent.Locator("#conversations .conversation")).ToContainTextAsync("医保异地备案");
        await Expect(firstAgent.Locator("#conversations .conversation")).ToHaveCountAsync(0);
        await Expect(secondRow.Locator(".desk-conversations code")).ToHaveAttributeAsync("title", conversationId!);
        await Expect(desk.Locator(":focus")).ToHaveAttributeAsync("data-reassign", conversationId!);
        await secondAgent.Locator("#conversations .conversation").ClickAsync();
        await Expect(secondAgent.Locator("#transferInfo")).ToHaveTextAsync("值班主管已将此会话改派给您");
    }

    [Fact]
    public async Task A_supervisor_sees_time_left_and_sets_business_hours_holidays_and_targets()
    {
        var account = await browser.Api.Account("市人社局", "人力资源和社会保障");
        var supervisor = await browser.Api.StaffMember(account, "周主管", "supervisor");
        var desk = await SignIn("/desk.html", supervisor);
        await Expect(desk.Locator("#slaHours")).ToHaveValueAsync("09:00-12:00, 13:30-17:30");
        await Expect(desk.Locator("#slaTimeZone")).ToHaveValueAsync("Asia/Shanghai");
        await Expect(desk.Locator("input[name='slaDay'][value='6']")).Not.ToBeCheckedAsync();

        await desk.Locator("#slaHours").FillAsync("00:00-12:00, 11:00-24:00");
        await desk.Locator("#slaSave").ClickAsync();
        await Expect(desk.Locator("#slaError")).ToContainTextAsync("请求内容有误");

        await desk.Locator("#slaHours").FillAsync("00:00-24:00");
        foreach (var day in new[] { "6", "7" })
        {
            await desk.Locator($"input[name='slaDay'][value='{day}']").CheckAsync();
        }
        await desk.Locator("#slaHolidays").FillAsync("2026-10-01, 2026-10-02");
        await desk.Locator("#slaSwapped").FillAsync("2026-10-10");
        await desk.Locator("#slaFirstResponse").FillAsync("45");
        await desk.Locator("#slaSave").FocusAsync();
        await desk.Keyboard.PressAsync("Enter");
        await Expect(desk.Locator("#notice")).ToHaveTextAsync("工作时间与服务时限已保存");
        await Expect(desk.Locator("#slaError")).ToBeEmptyAsync();
        await Expect(desk.Locator("#slaHolidays")).ToHaveValueAsync("2026-10-01\n2026-10-02");

        await browser.CitizenStarts(account, "孙市民", "社保转移");
        var row = desk.Locator("#serviceLevels tr", new() { HasText = "社保转移" });
        await Expect(row.Locator(".sla-left").First).ToHaveTextAsync("剩余 45 分");
        await Expect(row.Locator(".sla-left").First).ToHaveAttributeAsync("data-state", "ok");
    }

    [Fact]
    public async Task A_supervisor_closes_the_desk_to_live_chats_sees_labels_and_finds_a_conversation_by_its_number()
    {
        var account = await browser.Api.Account("市交通局", "交通运输");
        var supervisor = await browser.Api.StaffMember(account, "卫主管", "supervisor");
        var agent = await browser.Api.Agent(account, "尤坐席");
        await using var console = await LiveClient.Connect(browser.Api.Address, agent.Token);
        await console.Invoke("SetAvailability", account, true);
        await using (var labels = await LiveClient.Connect(browser.Api.Address, (await browser.Api.SignIn(supervisor.Username, HubApi.StaffPassword)).Token))
        {
            await labels.Invoke<System.Text.Json.JsonElement>("SetLabels", account, new[] { "投诉", "求助" });
        }
        var citizen = await browser.CitizenStarts(account, "许女士", "公交改线");
        await Expect(citizen.Locator("#chatReferenceValue")).Not.ToBeEmptyAsync();
        var reference = await citizen.Locator("#chatReferenceValue").TextContentAsync() ?? "";
        var conversationId = (await console.Next("conversationAssigned")).GetProperty("conversationId").GetString()!;
        await console.Invoke<System.Text.Json.JsonElement>("AddLabel", conversationId, "投诉");

        var desk = await SignIn("/desk.html", supervisor);
        await Expect(desk.Locator("#intakeNow")).ToHaveTextAsync("现在发起的市民：实时对话");
        var agentRow = desk.Locator("#agents tr", new() { HasText = "尤坐席" });
        await Expect(agentRow.Locator(".desk-label-chips")).ToHaveTextAsync("投诉");
        await Expect(desk.Locator("#serviceLevels tr", new() { HasText = "公交改线" }).Locator(".label-chip")).ToHaveTextAsync("投诉");

        await desk.Locator("#leaveMessagesOnly").CheckAsync();
        await Expect(desk.Locator("#notice")).ToHaveTextAsync("已设为只接受留言");
        await Expect(desk.Locator("#intakeNow")).ToHaveTextAsync("现在发起的市民：留言（已设为只接受留言）");
        var intake = await (await browser.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/intake")).Content.ReadAsStringAsync();
        Assert.Contains("\"leaveMessagesOnly\":true", intake);

        await desk.FillAsync("#lookup-desk-reference", "HB-19991231-0001");
        await desk.Locator("#lookup-desk-reference").PressAsync("Enter");
        await Expect(desk.Locator(".lookup-error")).ToHaveTextAsync("本账号没有这个编号的会话");
        await desk.FillAsync("#lookup-desk-reference", "123");
        await desk.Locator("#lookup-desk-reference").PressAsync("Enter");
        await Expect(desk.Locator(".lookup-error")).ToHaveTextAsync("编号格式为 HB-日期-序号，如 HB-20261130-0042");
        await desk.ClickAsync("#lang");
        await Expect(desk.Locator(".lookup-error")).ToHaveTextAsync("A reference looks like HB-date-number, e.g. HB-20261130-0042");
        await desk.FillAsync("#lookup-desk-reference", reference);
        await desk.Locator("#lookup-desk-reference").PressAsync("Enter");
        await Expect(desk.Locator(".lookup-error")).ToBeEmptyAsync();
        await Expect(desk.Locator(".lookup-facts")).ToContainTextAsync("公交改线");
        await Expect(desk.Locator(".lookup-facts")).ToContainTextAsync("In progress");
        await Expect(desk.Locator(".lookup-facts")).ToContainTextAsync("尤坐席");
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.Locator(".lookup-transcript").ClickAsync());
        Assert.Equal($"{reference}.txt", download.SuggestedFilename);
    }

    private async Task<IPage> SignIn(string path, HubApi.Staff staff)
    {
        var page = await browser.SignedIn(path, staff.Username);
        await Expect(page.Locator("#consoleView")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens the dialog from the keyboard, picks the agent and confirms; the dialog closes once the desk shows the move.</summary>
    private static async Task Reassign(IPage desk, ILocator button, string agentName)
    {
        await button.FocusAsync();
        await desk.Keyboard.PressAsync("Enter");
        var dialog = desk.Locator("#reassignDialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(desk.Locator("#reassignAgent")).ToBeFocusedAsync();
        var agentId = await desk.Locator("#reassignAgent option", new() { HasText = agentName }).GetAttributeAsync("value");
        await desk.Locator("#reassignAgent").SelectOptionAsync(agentId!);
        await desk.ClickAsync("#reassignConfirm");
        await Expect(dialog).ToBeHiddenAsync();
    }
}
