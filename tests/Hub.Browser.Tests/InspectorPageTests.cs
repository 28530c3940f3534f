using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// A province's inspector on the inspector page: a run taken from the page and one taken elsewhere
/// both arrive live, the charts draw, the table flags the quiet account, its drill-down opens, and
/// the CSV export downloads, and the filled page passes an axe scan; between runs, the live section
/// shows each account's flags as they stand and as they change.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectorPageTests(BrowserFixture browser)
{
    private HubApi Api => browser.Api;

    [Fact]
    public async Task An_inspector_sees_runs_live_with_charts_a_flagged_account_its_drill_down_and_exports_the_csv()
    {
        var scene = await InspectedProvince.Create(Api, "甲市人民政府");
        var (province, city, token) = (scene.Province, scene.City, scene.Inspector.Token);
        var quiet = await scene.Account(name: "甲市发布");
        await scene.FlagEveryQuietAccount();

        var page = await browser.SignedIn("/inspect.html", scene.Inspector.Username);
        await Expect(page.Locator("#noRuns")).ToBeVisibleAsync();
        await page.ClickAsync("#runNow");

        var row = page.Locator($"#accountRows tr[data-account='{quiet}']");
        await Expect(row).ToContainTextAsync("两周未更新");
        await Expect(page.Locator("#sumFlagged")).ToHaveTextAsync("1");
        Assert.True(await Drawn(page, "#rankingChart"), "the ranking chart drew nothing");
        Assert.True(await Drawn(page, "#trendChart"), "the trend chart drew nothing");

        await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/bodies/{province}/inspections", token));
        await Expect(page.Locator("#run option")).ToHaveCountAsync(2);
        await Expect(page.Locator("#reportMeta")).ToContainTextAsync("r2");

        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#drillHeading")).ToContainTextAsync(quiet);
        Assert.True(await Drawn(page, "#accountTrendChart"), "the account's trend chart drew nothing");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#exportCsv"));
        Assert.Equal($"inspection-{province}-r2.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"1,{quiet},{city},70,no-update,", csv);

        await BrowserFixture.LoadTool(page, "axe.min.js");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
            """);
        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task An_inspector_sees_the_accounts_as_they_stand_and_a_citys_new_account_flagged_live_without_a_new_run()
    {
        var scene = await InspectedProvince.Create(Api, "乙市人民政府");
        var early = await scene.Account(scene.Province, name: "某省发布");
        await scene.FlagEveryQuietAccount();
        var page = await browser.SignedIn("/inspect.html", scene.Inspector.Username);
        await Expect(page.Locator($"#liveRows tr[data-account='{early}']")).ToContainTextAsync("两周未更新");
        await Expect(page.Locator("#liveRows tr")).ToHaveCountAsync(1);

        var late = await scene.Account(channel: "weibo", name: "乙市发布");
        await using var citizen = await LiveClient.Connect(Api.Address, (await Api.Citizen()).Token);
        var conversationId = (await citizen.Invoke<JsonElement>("StartConversation", late, "路灯报修")).GetProperty("conversationId").GetString();
        await citizen.Invoke<JsonElement>("SendMessage", conversationId, $"m-{Guid.NewGuid():N}", "路灯坏了一周了。");

        var live = page.Locator($"#liveRows tr[data-account='{late}']");
        await Expect(live).ToContainTextAsync("两周未更新");
        await Expect(live).ToContainTextAsync("乙市人民政府");
        await Expect(live.Locator("td").Nth(4)).ToHaveTextAsync("1");
        await Expect(page.Locator("#noRuns")).ToBeVisibleAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.Locator("#liveView").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"inspect-live-{width}.png") });
        }
    }

    /// <summary>Whether the chart's canvas holds any painted pixel.</summary>
    private static Task<bool> Drawn(IPage page, string chart) =>
        page.Locator($"{chart} canvas").First.EvaluateAsync<bool>("""
            (canvas) => canvas.width > 0 && canvas.height > 0 &&
              canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some((value, i) => i % 4 === 3 && value > 0)
            """);
}
