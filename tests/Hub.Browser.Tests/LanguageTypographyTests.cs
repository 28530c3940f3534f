using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTypographyTests(BrowserFixture browser)
{
    /// <summary>The width of a curly quote in the body's font, in ems: about 1 in a Chinese font, well under in a Latin one.</summary>
    private const string QuoteWidth = """
        () => {
          const probe = document.createElement('span');
          probe.textContent = '\u201c';
          probe.style.position = 'absolute';
          document.body.append(probe);
          const width = probe.getBoundingClientRect().width / parseFloat(getComputedStyle(probe).fontSize);
          probe.remove();
          return width;
        }
        """;

    [Fact]
    public async Task English_pages_say_so_and_use_Latin_fonts_first()
    {
        var page = await browser.NewPage("/citizen.html", "en");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var fonts = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("-apple-system", fonts);
        Assert.True(await page.EvaluateAsync<double>(QuoteWidth) < 0.6, "an English quote mark is narrow");
    }

    [Fact]
    public async Task Chinese_pages_use_Chinese_fonts_first()
    {
        var page = await browser.NewPage("/citizen.html");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        var fonts = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("\"PingFang SC\"", fonts);
    }

    [Fact]
    public async Task The_language_button_is_called_what_it_shows()
    {
        var page = await browser.NewPage("/");
        var button = page.Locator("#lang");
        await Expect(button).ToHaveTextAsync("English");
        await Expect(button).ToHaveAccessibleNameAsync("English");
        await button.ClickAsync();
        await Expect(button).ToHaveAccessibleNameAsync("中文");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
