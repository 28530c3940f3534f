using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInEndsTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_who_is_disabled_is_sent_back_to_sign_in_with_the_reason()
    {
        var account = await browser.Api.Account("市医保局", "医疗保障");
        var agentStaff = await browser.Api.StaffMember(account, "孙坐席", "agent");
        var agent = await browser.SignedIn("/agent.html", agentStaff.Username);
        await Expect(agent.Locator("#account")).ToHaveValueAsync(account);

        var disabled = await browser.Api.Send(HttpMethod.Patch, $"/api/staff/{agentStaff.UserId}", (await browser.Api.Admin()).Token, new { disabled = true });
        disabled.EnsureSuccessStatusCode();

        await Expect(agent.Locator("#signInView")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(agent.Locator("#consoleView")).ToBeHiddenAsync();
        await Expect(agent.Locator("#error")).ToContainTextAsync("登录已失效");
    }
}
