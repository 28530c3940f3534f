using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AgentNotesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_keeps_a_private_note_the_citizen_never_sees()
    {
        var account = await browser.Api.Account("市公积金中心", "住房公积金");
        var agentStaff = await browser.Api.StaffMember(account, "孙坐席", "agent");

        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);
        await agent.Locator("#available").CheckAsync();

        var citizen = await browser.CitizenStarts(account, "李市民", "公积金提取");
        await Expect(citizen.Locator("#status")).ToContainTextAsync("孙坐席");

        var conversation = agent.Locator("#conversations .conversation");
        await Expect(conversation).ToHaveCountAsync(1);
        await conversation.ClickAsync();
        await agent.ClickAsync("#notesPanel summary");
        await Expect(agent.Locator("#notesEmpty")).ToBeVisibleAsync();

        await agent.ClickAsync("#addNote");
        await Expect(agent.Locator("#noteError")).ToHaveTextAsync("请先填写备注内容");

        const string noteText = "<b>市民上周已来电两次</b>";
        await agent.FillAsync("#noteText", noteText);
        await agent.Locator("#noteText").PressAsync("Control+Enter");
        var note = agent.Locator("#notesList .note");
        await Expect(note.Locator(".note-text")).ToHaveTextAsync(noteText);
        await Expect(note.Locator(".note-author")).ToHaveTextAsync("孙坐席");
        await Expect(agent.Locator("#noteError")).ToBeEmptyAsync();
        await Expect(agent.Locator("#noteText")).ToHaveValueAsync("");

        await citizen.FillAsync("#composer", "提取需要哪些材料？");
        await citizen.Locator("#composer").PressAsync("Enter");
        await Expect(agent.Locator("#messages .message[data-role=citizen]")).ToContainTextAsync("需要哪些材料");
        await agent.FillAsync("#composer", "请携带身份证和购房合同。");
        await agent.ClickAsync("#send");
        await Expect(citizen.Locator("#messages .message[data-role=agent]")).ToContainTextAsync("购房合同");

        await Expect(citizen.Locator("#messages .message")).ToHaveCountAsync(2);
        await Expect(citizen.Locator("#messages")).Not.ToContainTextAsync("来电两次");
        // The note came back from AddNote and was pushed as noteAdded: it is listed once.
        await Expect(note).ToHaveCountAsync(1);
        await Expect(agent.Locator("#notesCount")).ToHaveTextAsync("1");
    }
}
