using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatrixPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_admin_builds_a_body_tree_places_an_account_and_adds_staff_whose_body_admin_sees_only_their_subtree()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (province, city, account, username) = ($"p-{suffix}", $"c-{suffix}", $"a-{suffix}", $"m-{suffix}");
        var admin = await browser.SignedIn("/matrix.html", HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);

        await admin.Locator("#bodyParent").SelectOptionAsync("");
        await admin.FillAsync("#bodyId", province);
        await admin.FillAsync("#bodyName", $"某省人民政府{suffix}");
        await admin.Locator("#bodyLevel").SelectOptionAsync("province");
        await admin.ClickAsync("#addBody");
        await Expect(admin.Locator("#bodyHeading")).ToHaveTextAsync($"某省人民政府{suffix}");

        await Expect(admin.Locator("#bodyParent")).ToHaveValueAsync(province);
        await Expect(admin.Locator("#bodyLevel")).ToHaveValueAsync("city");
        await admin.FillAsync("#bodyId", city);
        await admin.FillAsync("#bodyName", $"甲市人民政府{suffix}");
        await admin.ClickAsync("#addBody");
        await Expect(admin.Locator($"#bodyTree [data-id='{province}'] + ul [data-id='{city}']")).ToHaveAttributeAsync("aria-current", "true");

        await admin.FillAsync("#newAccountId", account);
        await admin.FillAsync("#newAccountName", "甲市发布");
        await admin.Locator("#newAccountChannel").SelectOptionAsync("weibo");
        await admin.FillAsync("#newAccountHandle", "@甲市发布");
        await admin.ClickAsync("#createAccount");
        await Expect(admin.Locator($"#accountRows [data-id='{account}']")).ToContainTextAsync("微博 @甲市发布");

        await admin.FillAsync("#memberUsername", username);
        await admin.FillAsync("#memberPassword", HubApi.StaffPassword);
        await admin.FillAsync("#memberDisplayName", "陈管理员");
        await admin.Locator("input[name=memberRole][value=admin]").CheckAsync();
        await admin.ClickAsync("#addMember");
        var row = admin.Locator("#memberRows tr", new() { HasText = username });
        await Expect(row).ToContainTextAsync("单位管理员");

        await row.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
        await admin.Locator("#rolesAccount").SelectOptionAsync(account);
        await admin.Locator("input[name=editAccountRole][value=press]").CheckAsync();
        await admin.ClickAsync("#saveAccountRoles");
        await Expect(row).ToContainTextAsync("甲市发布：新闻发布");
        Assert.Equal([account], (await browser.Api.SignIn(username, HubApi.StaffPassword)).AccountIds);

        var cityAdmin = await browser.SignedIn("/matrix.html", username);
        await Expect(cityAdmin.Locator("#scopeLine")).ToContainTextAsync($"甲市人民政府{suffix}");
        await Expect(cityAdmin.Locator("#bodyTree")).Not.ToContainTextAsync($"某省人民政府{suffix}");
        await Expect(cityAdmin.Locator("#bodyParent option[value='']")).ToHaveCountAsync(0);
        await Expect(cityAdmin.Locator($"#accountRows [data-id='{account}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_taken_body_id_is_refused_beside_the_field_and_someone_who_administers_no_body_is_turned_away()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var admin = await browser.Api.Admin();
        (await browser.Api.Send(HttpMethod.Post, "/api/bodies", admin.Token, new { id = $"t-{suffix}", name = "已有单位", level = "province" })).EnsureSuccessStatusCode();
        var page = await browser.SignedIn("/matrix.html", HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);

        await page.Locator("#bodyParent").SelectOptionAsync("");
        await page.FillAsync("#bodyId", $"t-{suffix}");
        await page.FillAsync("#bodyName", "重复的单位");
        await page.ClickAsync("#addBody");

        await Expect(page.Locator("#bodyId-error")).ToHaveTextAsync("这个单位标识已被使用，请换一个");
        await Expect(page.Locator("#bodyId")).ToHaveAttributeAsync("aria-invalid", "true");

        var press = await browser.Api.StaffMember(await browser.Api.Account(), "周发言人", "press");
        var outsider = await browser.SignedIn("/matrix.html", press.Username);
        await Expect(outsider.Locator("#error")).ToHaveTextAsync("该账号不是总管理员或单位管理员");
        await Expect(outsider.Locator("#matrixView")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_body_admin_reads_the_notice_an_inspecting_body_circulated_about_its_flagged_accounts()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (province, city, account, username) = ($"p-{suffix}", $"c-{suffix}", $"a-{suffix}", $"m-{suffix}");
        var admin = (await browser.Api.Admin()).Token;
        await Ok(HttpMethod.Post, "/api/bodies", admin, new { id = province, name = "某省人民政府", level = "province" });
        await Ok(HttpMethod.Post, "/api/bodies", admin, new { id = city, name = "甲市人民政府", level = "city", parentId = province });
        await Ok(HttpMethod.Post, $"/api/bodies/{city}/accounts", admin, new { id = account, name = "甲市发布", channel = "weibo", handle = "@甲市发布" });
        await Ok(HttpMethod.Post, $"/api/bodies/{city}/members", admin, new { username, password = HubApi.StaffPassword, displayName = "陈管理员", roles = new[] { "admin" } });
        // Thresholds of a millisecond flag the new account at once, with no clock to move.
        await Ok(HttpMethod.Put, $"/api/bodies/{province}/inspection-rules", admin,
            new { noUpdateWarning = "00:00:00.001", unansweredVeto = "90.00:00:00", inactiveAfter = "00:00:00.002", replyTarget = "01:00:00" });
        var run = await (await Ok(HttpMethod.Post, $"/api/bodies/{province}/inspections", admin)).Content.ReadFromJsonAsync<JsonElement>();
        await Ok(HttpMethod.Post, $"/api/bodies/{province}/inspections/{run.GetProperty("runId").GetString()}/notice", admin,
            new { text = "以下账号长期未更新，请于十日内整改。" });

        var cityAdmin = await browser.SignedIn("/matrix.html", username);

        var notice = cityAdmin.Locator("#noticeList .notice-item");
        await Expect(notice).ToContainTextAsync("以下账号长期未更新，请于十日内整改。");
        await Expect(notice).ToContainTextAsync("某省人民政府");
        await Expect(notice.Locator("li", new() { HasText = account }).Locator("[data-flag=inactive]")).ToHaveTextAsync("长期未更新，建议关停");
    }

    private async Task<HttpResponseMessage> Ok(HttpMethod method, string path, string token, object? body = null)
    {
        var response = await browser.Api.Send(method, path, token, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
