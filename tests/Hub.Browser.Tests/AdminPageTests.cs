using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_an_account_and_an_agent_who_can_then_sign_in()
    {
        var accountId = $"page-{Guid.NewGuid():N}"[..20];
        var username = $"agent-{Guid.NewGuid():N}"[..18];
        var admin = await browser.NewPage("/admin.html");

        await admin.FillAsync("#username", HubAppFactory.AdminUsername);
        await admin.FillAsync("#password", HubAppFactory.AdminPassword);
        await admin.Locator("#password").PressAsync("Enter");
        await admin.FillAsync("#accountId", accountId);
        await admin.FillAsync("#accountName", "市交通运输局");
        await admin.FillAsync("#accountDepartment", "交通运输");
        await admin.ClickAsync("#createAccount");
        await Expect(admin.Locator("#accounts")).ToContainTextAsync("市交通运输局");

        await admin.Locator("#staffAccount").SelectOptionAsync(accountId);
        await admin.FillAsync("#staffUsername", username);
        await admin.FillAsync("#staffPassword", HubApi.StaffPassword);
        await admin.FillAsync("#staffDisplayName", "孙坐席");
        await admin.Locator("input[name=role][value=agent]").CheckAsync();
        await admin.FillAsync("#staffEmail", "sun@localhost");
        await admin.ClickAsync("#createStaff");
        await Expect(admin.Locator("#staffEmail-error")).ToContainTextAsync("有效的邮箱地址");
        await admin.FillAsync("#staffEmail", "sun@jtj.example.gov.cn");
        await admin.ClickAsync("#createStaff");
        await Expect(admin.Locator("#notice")).ToContainTextAsync(username);
        await Expect(admin.Locator("#staffEmail")).ToHaveValueAsync("");

        var agent = await browser.Api.SignIn(username, HubApi.StaffPassword);
        Assert.Equal(["agent"], agent.Roles);
        Assert.Equal([accountId], agent.AccountIds);
    }

    [Fact]
    public async Task A_refused_request_shows_the_reason_and_keeps_the_form()
    {
        var existing = await browser.Api.Account("已存在的账号");
        var admin = await browser.SignedIn("/admin.html", HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);

        await admin.FillAsync("#accountId", existing);
        await admin.FillAsync("#accountName", "重复");
        await admin.FillAsync("#accountDepartment", "重复");
        await admin.ClickAsync("#createAccount");

        await Expect(admin.Locator("#accountId-error")).ToHaveTextAsync("这个账号编号已被使用，请换一个");
        await Expect(admin.Locator("#accountId")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("#accountId")).ToHaveValueAsync(existing);
    }
}
