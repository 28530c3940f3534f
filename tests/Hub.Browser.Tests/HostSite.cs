using System.Net;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hub.Browser.Tests;

/// <summary>
/// A government website of its own origin (another Kestrel on another port) whose one page
/// embeds the hub's widget with a script tag, as a site's editor would paste it.
/// </summary>
public sealed class HostSite : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private HostSite(LoopbackHost host) => _host = host;

    public string Origin => new Uri(_host.BaseUrl).GetLeftPart(UriPartial.Authority);

    public static async Task<HostSite> Start(Uri hub, string accountId, string language)
    {
        var widget = new Uri(hub, "/widget.js");
        return new HostSite(await LoopbackHost.Start(app => app.MapGet("/", () => Results.Content($"""
            <!doctype html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>Municipal portal</title></head>
            <body>
              <main><h1>Municipal portal</h1></main>
              <script src="{widget}" data-account="{WebUtility.HtmlEncode(accountId)}" async></script>
            </body>
            </html>
            """, "text/html"))));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
