using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityScanTests(BrowserFixture browser)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/", "/citizen.html", "/citizen.html?embed=1&account=nobody", "/agent.html", "/desk.html", "/admin.html", "/webhooks.html", "/press.html", "/moderate.html", "/qa.html", "/event.html", "/board.html", "/join.html", "/inspect.html" })
        {
            data.Add(path, "zh");
            data.Add(path, "en");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_passes_an_axe_scan(string path, string language)
    {
        var page = await browser.NewPage(path, language);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language == "en" ? "en" : "zh-CN");
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        Assert.Empty(await Violations(page));
    }

    /// <summary>What axe-core finds wrong with the page as it stands, one line per rule with the elements that break it.</summary>
    public static async Task<IReadOnlyList<string?>> Violations(Microsoft.Playwright.IPage page)
    {
        await BrowserFixture.LoadTool(page, "axe.min.js");
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString())];
    }
}
