using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ErrorMessageTests(BrowserFixture browser)
{
    private static readonly string[] Codes = ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "too_large", "rate_limited", "unavailable"];

    /// <summary>What the pages say for a hub error and a REST error of each contract code.</summary>
    private static async Task<Dictionary<string, string[]>> Messages(IPage page) =>
        await page.EvaluateAsync<Dictionary<string, string[]>>("""
            async (codes) => {
              const { describeError } = await import('/js/ui.js');
              const { ApiError } = await import('/js/api.js');
              const statuses = { bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rate_limited: 429, unavailable: 503 };
              const hub = (code) => new Error(`An unexpected error occurred invoking 'X' on the server. HubException: ${code}: event 'x' does not exist`);
              return Object.fromEntries(codes.map((code) => [code, [
                describeError(hub(code)),
                describeError(new ApiError(statuses[code], code, "event 'x' does not exist")),
              ]]));
            }
            """, Codes);

    [Fact]
    public async Task Every_contract_error_code_has_its_own_Chinese_message_without_the_servers_English()
    {
        var page = await browser.NewPage("/");
        var messages = await Messages(page);
        Assert.Equal(Codes.Length, messages.Values.Select(m => m[0]).Distinct().Count());
        foreach (var (code, texts) in messages)
        {
            Assert.All(texts, text => Assert.DoesNotMatch("[A-Za-z]", text));
            Assert.Equal(texts[0], texts[1]);
            Assert.False(string.IsNullOrWhiteSpace(texts[0]), code);
        }
    }

    [Fact]
    public async Task Every_contract_error_code_has_its_own_English_message()
    {
        var page = await browser.NewPage("/", "en");
        var messages = await Messages(page);
        Assert.Equal(Codes.Length, messages.Values.Select(m => m[0]).Distinct().Count());
        Assert.All(messages.Values, texts => Assert.DoesNotMatch(@"[\u4e00-\u9fff]", texts[0]));
        Assert.StartsWith("Not found", messages["not_found"][0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_name_is_answered_at_the_field()
    {
        var page = await browser.NewPage("/citizen.html");
        await page.ClickAsync("#signIn");
        await Expect(page.Locator("#displayName-error")).ToHaveTextAsync("请输入您的称呼");
        await Expect(page.Locator("#displayName")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#displayName")).ToBeFocusedAsync();
        await Expect(page.Locator("#error")).ToBeEmptyAsync();
        await page.FillAsync("#displayName", "韩");
        await Expect(page.Locator("#displayName-error")).ToHaveCountAsync(0);
    }
}
