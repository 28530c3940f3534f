using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StaffAdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_disabled_member_cannot_sign_in_until_enabled_and_then_signs_in_with_the_reset_password()
    {
        var account = await browser.Api.Account("市住房和城乡建设局", "住房和城乡建设");
        var member = await browser.Api.StaffMember(account, "钱坐席", "agent");
        var admin = await SignedInAdmin();
        var row = Row(admin, member);
        var statusButton = row.Locator("button[data-action=status]");

        await statusButton.ClickAsync();
        await Expect(admin.Locator("#staffStatusText")).ToContainTextAsync("登录会立即失效");
        await admin.ClickAsync("#staffStatusConfirm");
        await Expect(row).ToContainTextAsync("已停用");
        await Expect(statusButton).ToBeFocusedAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatus(member.Username, HubApi.StaffPassword));

        await statusButton.ClickAsync();
        await admin.ClickAsync("#staffStatusConfirm");
        await Expect(row).ToContainTextAsync("已启用");

        await row.Locator("button[data-action=password]").ClickAsync();
        await admin.FillAsync("#staffNewPassword", "short");
        await admin.ClickAsync("#staffPasswordConfirm");
        await Expect(admin.Locator("#staffNewPasswordError")).ToContainTextAsync("至少需要 8 个字符");
        await admin.FillAsync("#staffNewPassword", "renewed-password");
        await admin.ClickAsync("#staffPasswordConfirm");
        await Expect(admin.Locator("#notice")).ToContainTextAsync($"已重置钱坐席（{member.Username}）的密码");

        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatus(member.Username, HubApi.StaffPassword));
        var signedIn = await browser.Api.SignIn(member.Username, "renewed-password");
        Assert.Equal(["agent"], signedIn.Roles);
    }

    [Fact]
    public async Task A_supervisor_role_given_in_a_second_account_shows_in_the_table()
    {
        var first = await browser.Api.Account("市文化和旅游局", "文化和旅游");
        var second = await browser.Api.Account("市体育局", "体育");
        var member = await browser.Api.StaffMember(first, "孙坐席", "agent");
        var admin = await SignedInAdmin();
        var row = Row(admin, member);
        await Expect(row).ToContainTextAsync("市文化和旅游局：坐席");

        await row.Locator("button[data-action=roles]").ClickAsync();
        await admin.Locator("#staffRolesAccount").SelectOptionAsync(second);
        await Expect(admin.Locator("#staffRolesGroup input:checked")).ToHaveCountAsync(0);
        await admin.Locator("#staffRolesGroup input[value=supervisor]").CheckAsync();
        await admin.ClickAsync("#staffRolesConfirm");

        await Expect(row).ToContainTextAsync("市体育局：班长/值班主管");
        await Expect(row).ToContainTextAsync("市文化和旅游局：坐席");
        await admin.Locator("#staffFilter").SelectOptionAsync(second);
        await Expect(admin.Locator("#staffRows tr")).ToHaveCountAsync(1);
        var roster = await Roster(second);
        Assert.Equal(["supervisor"], roster.Single(m => m.GetProperty("username").GetString() == member.Username)
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task<IPage> SignedInAdmin()
    {
        var admin = await browser.SignedIn("/admin.html", HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);
        await Expect(admin.Locator("#adminView")).ToBeVisibleAsync();
        return admin;
    }

    private static ILocator Row(IPage admin, HubApi.Staff member) =>
        admin.Locator("#staffRows tr", new() { HasText = member.Username });

    private async Task<HttpStatusCode> SignInStatus(string username, string password) =>
        (await browser.Api.Send(HttpMethod.Post, "/api/auth/staff", body: new { username, password })).StatusCode;

    private async Task<JsonElement[]> Roster(string accountId)
    {
        var response = await browser.Api.Send(HttpMethod.Get, $"/api/accounts/{accountId}/staff", (await browser.Api.Admin()).Token);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
