using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BoardJoinTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_board_shows_a_QR_code_of_the_join_address_and_its_short_code_leads_to_the_session()
    {
        var account = await browser.Api.Account("区政府网站", "区政府办公室");
        var press = await browser.Api.Press(account);
        var eventId = await browser.Api.OpenEvent(press.Token, account, severity: 4, title: "区长访谈", kind: "live");

        var board = await browser.NewPage($"/board.html?id={eventId}");
        await Expect(board.Locator("#qr")).ToBeVisibleAsync();
        var code = await board.Locator("#code").InnerTextAsync();
        Assert.Matches("^[0-9A-Z]{6}$", code);
        await BrowserFixture.LoadTool(board, "jsQR.js");
        var decoded = await board.EvaluateAsync<string?>("""
            () => {
              const img = document.getElementById('qr');
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
              return jsQR(pixels.data, canvas.width, canvas.height)?.data ?? null;
            }
            """);
        Assert.Equal(new Uri(browser.Api.Address, $"/join.html?code={code}").ToString(), decoded);

        var scanned = await browser.NewPage(decoded!);
        await scanned.WaitForURLAsync($"**/qa.html?id={eventId}");

        var typed = await browser.NewPage("/join.html");
        await typed.FillAsync("#code", $" {code[..3].ToLowerInvariant()}-{code[3..]} ");
        await typed.ClickAsync("#join");
        await typed.WaitForURLAsync($"**/qa.html?id={eventId}");
        await Expect(typed.Locator("#eventTitle")).ToHaveTextAsync("区长访谈");
    }

    [Fact]
    public async Task A_code_of_no_session_is_answered_at_the_field()
    {
        var page = await browser.NewPage("/join.html");
        await page.ClickAsync("#join");
        await Expect(page.Locator("#code-error")).ToHaveTextAsync("请输入活动码");
        await page.FillAsync("#code", "ZZZZZZ");
        await page.ClickAsync("#join");
        await Expect(page.Locator("#code-error")).ToContainTextAsync("没有正在进行的活动使用这个活动码");
        await Expect(page.Locator("#code")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.EndsWith("/join.html", page.Url);
    }

    [Fact]
    public async Task A_board_for_a_session_that_does_not_exist_says_so_instead_of_connecting()
    {
        var board = await browser.NewPage($"/board.html?id={Guid.NewGuid():N}");
        await Expect(board.Locator("#error")).ToContainTextAsync("没有找到这场活动");
        await Expect(board.Locator("#live")).ToBeHiddenAsync();
        await Expect(board.Locator("#join")).ToBeHiddenAsync();
        await Expect(board.Locator("#topEmpty")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_QA_address_of_no_session_offers_the_code_and_the_list_of_sessions()
    {
        var page = await browser.NewPage($"/qa.html?id={Guid.NewGuid():N}", "en");
        await Expect(page.Locator("#missingView")).ToBeVisibleAsync();
        await Expect(page.Locator("#missingView a[href='/join.html']")).ToHaveTextAsync("Enter a code");
        await Expect(page.Locator("#missingView a[href='/qa.html']")).ToHaveTextAsync("See all sessions");
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
    }
}
