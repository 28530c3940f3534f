using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Browser.Tests;

/// <summary>
/// A government website of its own origin (another Kestrel on another port) whose one page
/// embeds the hub's widget with a script tag, as a site's editor would paste it.
/// </summary>
public sealed class HostSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostSite(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";

    public static async Task<HostSite> Start(Uri hub, string accountId, string language)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var widget = new Uri(hub, "/widget.js");
        app.MapGet("/", () => Results.Content($"""
            <!doctype html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>Municipal portal</title></head>
            <body>
              <main><h1>Municipal portal</h1></main>
              <script src="{widget}" data-account="{WebUtility.HtmlEncode(accountId)}" async></script>
            </body>
            </html>
            """, "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostSite(app) { Origin = new Uri(address).GetLeftPart(UriPartial.Authority) };
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
