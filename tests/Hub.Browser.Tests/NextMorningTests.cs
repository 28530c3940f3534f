using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// A night and a morning on a node of its own whose domain clock is fake: an account that takes
/// messages outside its hours, a citizen who writes at night, an agent who answers next morning,
/// and the citizen who comes back to the answer with the number and code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NextMorningTests(BrowserFixture browser) : IAsyncLifetime
{
    private ClockedNode? _node;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_message_left_at_night_is_answered_next_morning_and_the_citizen_comes_back_to_the_answer()
    {
        // A Tuesday evening; the default calendar opens at 09:00 on Wednesday.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 0, 0, Beijing));
        var node = _node = new ClockedNode(browser.Browser, clock);
        var api = node.Api;
        var account = await api.Account("市住建局", "住房和城乡建设");
        var supervisor = await api.StaffMember(account, "冯主管", "supervisor");
        var agentStaff = await api.StaffMember(account, "蒋坐席", "agent");

        var desk = await node.SignedIn("/desk.html", supervisor);
        await Expect(desk.Locator("#slaHours")).ToHaveValueAsync("09:00-12:00, 13:30-17:30");
        await Expect(desk.Locator("#slaOutsideHours")).Not.ToBeCheckedAsync();
        await desk.Locator("#slaOutsideHours").CheckAsync();
        await desk.ClickAsync("#slaSave");
        await Expect(desk.Locator("#notice")).ToHaveTextAsync("工作时间与服务时限已保存");
        await Expect(desk.Locator("#intakeNow")).ToHaveTextAsync("现在发起的市民：留言（非工作时间）");

        var citizen = await node.Page("/citizen.html");
        await citizen.FillAsync("#displayName", "韩先生");
        await citizen.ClickAsync("#signIn");
        await citizen.Locator("#account").SelectOptionAsync(account);
        await citizen.FillAsync("#subject", "楼道灯不亮");
        await citizen.ClickAsync("#start");
        await Expect(citizen.Locator("#leftMessage")).ToBeVisibleAsync();
        var reference = await citizen.Locator("#returnReference").TextContentAsync() ?? "";
        var code = await citizen.Locator("#returnCode").TextContentAsync() ?? "";
        Assert.StartsWith("HB-20261201-", reference);
        await citizen.FillAsync("#composer", "三号楼楼道灯坏了一周了");
        await citizen.Locator("#composer").PressAsync("Enter");
        await Expect(citizen.Locator("#messages .message[data-seq='1']")).ToBeVisibleAsync();
        await citizen.Context.CloseAsync();

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 5, 0, Beijing));
        var agent = await node.SignedIn("/agent.html", agentStaff);
        await agent.Locator("#available").CheckAsync();
        await Expect(desk.Locator("#intakeNow")).ToHaveTextAsync("现在发起的市民：实时对话");
        await agent.FillAsync("#lookup-agent-reference", reference.ToLowerInvariant());
        await agent.Locator("#lookup-agent-reference").PressAsync("Enter");
        await Expect(agent.Locator(".lookup-facts")).ToContainTextAsync("楼道灯不亮");
        await Expect(agent.Locator(".lookup-facts")).ToContainTextAsync("蒋坐席");
        await agent.Locator(".lookup-close").ClickAsync();
        await agent.Locator("#conversations .conversation").ClickAsync();
        await Expect(agent.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("楼道灯坏了");
        await agent.FillAsync("#composer", "已派电工今天上午维修。");
        await agent.ClickAsync("#send");
        await Expect(agent.Locator("#messages .message[data-seq='2']")).ToBeVisibleAsync();

        var back = await node.Page("/citizen.html");
        await back.FillAsync("#returnReferenceInput", reference);
        await back.FillAsync("#returnCodeInput", code);
        await back.ClickAsync("#returnSubmit");
        await Expect(back.Locator("#messages .message[data-role=agent]")).ToContainTextAsync("已派电工今天上午维修。");
        await Expect(back.Locator("#status")).ToContainTextAsync("蒋坐席");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
