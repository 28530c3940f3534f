using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class QuestionPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_question_goes_from_the_citizen_through_moderation_to_the_board_and_its_answer()
    {
        var account = await browser.Api.Account("市政府门户网站", "政务公开");
        var press = await browser.Api.Press(account);
        var eventId = await browser.Api.OpenEvent(press.Token, account, severity: 4, title: "市长在线访谈", kind: "live");
        var moderatorStaff = await browser.Api.StaffMember(account, "钱主持", "moderator");

        var citizen = await browser.NewPage($"/qa.html?id={eventId}");
        await citizen.FillAsync("#displayName", "孙市民");
        await citizen.ClickAsync("#signIn");
        await citizen.FillAsync("#questionText", "地铁三号线什么时候通车？联系电话13912345678");
        await citizen.ClickAsync("#ask");
        var mine = citizen.Locator("#myQuestions .question").First;
        await Expect(mine).ToHaveAttributeAsync("data-status", "pending");
        await Expect(mine).ToContainTextAsync("139****5678");

        var moderator = await browser.SignedIn($"/moderate.html?id={eventId}", moderatorStaff.Username);
        var pending = moderator.Locator("#pending .question").Filter(new() { HasText = "地铁三号线" });
        await pending.Locator(".approve").ClickAsync();

        var onBoard = citizen.Locator("#board .question").Filter(new() { HasText = "地铁三号线" });
        await onBoard.Locator(".upvote").ClickAsync();
        await Expect(onBoard.Locator(".votes")).ToHaveTextAsync("1");

        var projector = await browser.NewPage($"/board.html?id={eventId}");
        await Expect(projector.Locator("#top .question").Filter(new() { HasText = "地铁三号线" }).Locator(".votes")).ToHaveTextAsync("1");

        // Another citizen's vote reaches the open pages as a board frame (votesChanged).
        var neighbour = await browser.NewPage($"/qa.html?id={eventId}");
        await neighbour.FillAsync("#displayName", "周市民");
        await neighbour.ClickAsync("#signIn");
        await neighbour.Locator("#board .question").Filter(new() { HasText = "地铁三号线" }).Locator(".upvote").ClickAsync();
        await Expect(onBoard.Locator(".votes")).ToHaveTextAsync("2");
        await Expect(projector.Locator("#top .question").Filter(new() { HasText = "地铁三号线" }).Locator(".votes")).ToHaveTextAsync("2");

        var approved = moderator.Locator("#approved .question").Filter(new() { HasText = "地铁三号线" });
        await approved.Locator(".pin").ClickAsync();
        await Expect(projector.Locator("#pinned")).ToContainTextAsync("地铁三号线");
        await approved.Locator(".answer").ClickAsync();
        await approved.Locator(".answer-text").FillAsync("预计明年六月开通运营。");
        await approved.Locator(".answer-send").ClickAsync();

        // Pinned and answered, the question is shown once: in its place at the top, with the answer.
        await Expect(citizen.Locator("#pinned .answer")).ToContainTextAsync("预计明年六月开通运营");
        await Expect(citizen.Locator("#answered .question")).ToHaveCountAsync(0);
        await Expect(projector.Locator("#pinned")).ToContainTextAsync("预计明年六月开通运营");
        await Expect(moderator.Locator("#log")).ToContainTextAsync("钱主持");
    }
}
