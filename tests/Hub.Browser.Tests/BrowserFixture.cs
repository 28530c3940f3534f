using Microsoft.Playwright;

namespace Hub.Browser.Tests;

/// <summary>
/// A running web node and Debian's Chromium driven by Playwright. The browser is the
/// system's own (/usr/bin/chromium): nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// More than any one test uses at once. Tests of the collection run one after another, so
    /// the oldest contexts are those of finished tests: closing them ends their live connections
    /// and timers, which would otherwise keep the browser busy for the rest of the run.
    /// </summary>
    private const int OpenContexts = 8;

    private readonly HubAppFactory _factory = new();
    private readonly Queue<IBrowserContext> _contexts = new();
    private IPlaywright? _playwright;

    public HubApi Api { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new HubApi(_factory.Address);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A separate browser context: its own session storage, like a second window of another person.</summary>
    public async Task<IPage> NewPage(string path, string language = "zh")
    {
        var page = await NewBlankPage(language);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A page in a context of its own that has not loaded anything yet, with the pages' language chosen.</summary>
    public async Task<IPage> NewBlankPage(string language = "zh")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.Address.ToString(),
            Locale = language == "en" ? "en-US" : "zh-CN",
        });
        await context.AddInitScriptAsync($"localStorage.setItem('hub.lang', '{language}')");
        _contexts.Enqueue(context);
        while (_contexts.Count > OpenContexts)
        {
            await _contexts.Dequeue().CloseAsync();
        }
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A script from the test project's npm packages (a QR decoder, the accessibility checker), loaded
    /// into the page from an address of the node itself, which the pages' Content-Security-Policy allows.
    /// </summary>
    public static async Task LoadTool(IPage page, string file)
    {
        var address = $"/test-tools/{file}";
        await page.RouteAsync($"**{address}", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "browser-tools", file),
            ContentType = "text/javascript",
        }));
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = address });
    }

    /// <summary>A new page at <paramref name="path"/> with its staff sign-in form submitted.</summary>
    public async Task<IPage> SignedIn(string path, string username, string password = HubApi.StaffPassword)
    {
        var page = await NewPage(path);
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signIn");
        return page;
    }

    /// <summary>A citizen's page that has started a conversation with the account.</summary>
    public async Task<IPage> CitizenStarts(string accountId, string displayName, string subject)
    {
        var citizen = await NewPage("/citizen.html");
        await citizen.FillAsync("#displayName", displayName);
        await citizen.ClickAsync("#signIn");
        await citizen.Locator("#account").SelectOptionAsync(accountId);
        await citizen.FillAsync("#subject", subject);
        await citizen.ClickAsync("#start");
        return citizen;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
