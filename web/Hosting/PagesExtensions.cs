using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Hub.Web.Hosting;

/// <summary>
/// The browser pages: Razor Pages (web/Pages) that share one layout, served at the same
/// addresses the static pages had (<c>/citizen.html</c>, ...), so links and bookmarks keep working.
/// </summary>
public static class PagesExtensions
{
    public static WebApplicationBuilder AddHubPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages => pages.Conventions.AddPageRoute("/Index", "index.html"));
        // Chinese text written by the pages stays readable in the markup instead of becoming character references.
        builder.Services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }
}
