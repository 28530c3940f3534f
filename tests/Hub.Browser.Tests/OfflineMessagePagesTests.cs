using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OfflineMessagePagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_leaves_a_message_with_nobody_online_and_comes_back_with_number_and_code_to_the_answer()
    {
        var account = await browser.Api.Account("市水务集团", "供水服务");
        var agentStaff = await browser.Api.StaffMember(account, "孙坐席", "agent");

        var citizen = await browser.CitizenStarts(account, "赵女士", "小区停水");
        await Expect(citizen.Locator("#status")).ToHaveTextAsync("留言已提交，排队第 1 位，等待工作人员答复");
        await Expect(citizen.Locator("#leftMessage")).ToBeVisibleAsync();
        await Expect(citizen.Locator("#returnCodeBox")).ToBeVisibleAsync();
        var reference = await citizen.Locator("#returnReference").TextContentAsync() ?? "";
        var code = await citizen.Locator("#returnCode").TextContentAsync() ?? "";
        Assert.Matches("^HB-\\d{8}-\\d{4,}$", reference);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        await Expect(citizen.Locator("#chatReferenceValue")).ToHaveTextAsync(reference);
        await citizen.FillAsync("#composer", "三天没有水了，什么时候恢复？");
        await citizen.Locator("#composer").PressAsync("Enter");
        await Expect(citizen.Locator("#messages .message[data-seq='1']")).ToBeVisibleAsync();
        await citizen.Context.CloseAsync();

        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#available").CheckAsync();
        var conversation = agent.Locator("#conversations .conversation");
        await Expect(conversation).ToHaveCountAsync(1);
        await conversation.ClickAsync();
        await Expect(agent.Locator("#chatReferenceValue")).ToHaveTextAsync(reference);
        await Expect(agent.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("三天没有水了");
        await agent.FillAsync("#composer", "明天上午九点前恢复供水。");
        await agent.ClickAsync("#send");
        await Expect(agent.Locator("#messages .message[data-seq='2']")).ToBeVisibleAsync();

        var back = await browser.NewPage("/citizen.html");
        await back.FillAsync("#returnReferenceInput", reference);
        await back.FillAsync("#returnCodeInput", "0000-0000-0000");
        await back.ClickAsync("#returnSubmit");
        await Expect(back.Locator("#error")).ToHaveTextAsync("取回码不正确，请核对后再试。");
        await back.FillAsync("#returnCodeInput", code.ToLowerInvariant());
        await back.ClickAsync("#returnSubmit");

        await Expect(back.Locator("#messages .message[data-role=agent]")).ToContainTextAsync("明天上午九点前恢复供水。");
        await Expect(back.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("三天没有水了");
        await Expect(back.Locator("#status")).ToContainTextAsync("孙坐席");
        await Expect(back.Locator("#chatReferenceValue")).ToHaveTextAsync(reference);
        await Expect(back.Locator("#returnCodeBox")).ToBeHiddenAsync();

        await agent.FillAsync("#composer", "维修队已到现场。");
        await agent.ClickAsync("#send");
        await Expect(back.Locator("#messages .message[data-role=agent]").Last).ToContainTextAsync("维修队已到现场。");

        var download = await back.RunAndWaitForDownloadAsync(() => back.ClickAsync("#downloadTranscript"));
        Assert.Equal($"{reference}.txt", download.SuggestedFilename);
        var transcript = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("维修队已到现场。", transcript);
    }
}
