using Hub.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// A web node of one test's own whose domain clock is fake, with pages on it in the shared
/// browser: for what shows only once the hub's time has moved. The pages close first, so the
/// node stops with no connection left open.
/// </summary>
public sealed class ClockedNode : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    public ClockedNode(IBrowser browser, FakeTimeProvider clock, IReadOnlyDictionary<string, string>? settings = null)
    {
        _browser = browser;
        Node = new HubAppFactory(settings, services: s => s.AddKeyedSingleton<TimeProvider>(HubClock.Key, clock));
        Api = new HubApi(Node.Address);
    }

    public HubAppFactory Node { get; }

    public HubApi Api { get; }

    /// <summary>A page in a context of its own, with the pages' language chosen.</summary>
    public async Task<IPage> Page(string path, string language = "zh")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Node.Address.ToString(),
            Locale = language == "en" ? "en-US" : "zh-CN",
        });
        await context.AddInitScriptAsync($"localStorage.setItem('hub.lang', '{language}')");
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A staff console at <paramref name="path"/>, signed in and showing.</summary>
    public async Task<IPage> SignedIn(string path, HubApi.Staff staff)
    {
        var page = await Page(path);
        await page.FillAsync("#username", staff.Username);
        await page.FillAsync("#password", HubApi.StaffPassword);
        await page.ClickAsync("#signIn");
        await Expect(page.Locator("#consoleView")).ToBeVisibleAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await Node.DisposeAsync();
    }
}
