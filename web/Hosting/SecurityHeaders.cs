using System.Security.Cryptography;
using Hub.Grains.Accounts;
using Hub.Grains.Accounts.Embedding;
using Microsoft.Extensions.Options;

namespace Hub.Web.Hosting;

/// <summary>
/// Puts the browser security headers on every response: pages, REST answers, errors and static
/// files. They are written when the response starts, so an error page that clears the
/// response on its way still carries them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<HttpSecurityOptions> options)
{
    /// <summary>The citizen page as the widget frames it: <c>/citizen.html?account=ID&amp;embed=1</c>.</summary>
    public const string EmbeddedPage = "/citizen.html";

    public async Task InvokeAsync(HttpContext http, IGrainFactory grains)
    {
        var frameAncestors = string.Join(' ', [.. options.Value.FrameAncestors, .. await EmbeddersOf(http, grains)]);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(http, frameAncestors.Length == 0 ? "'none'" : frameAncestors);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(http);
    }

    /// <summary>
    /// An embedded citizen page may be framed by the sites its account allows, on top of the
    /// node's own list; any other page, or an account that allows none, only by the node's list.
    /// </summary>
    private static async Task<IReadOnlyList<string>> EmbeddersOf(HttpContext http, IGrainFactory grains)
    {
        var query = http.Request.Query;
        if (!http.Request.Path.Equals(EmbeddedPage, StringComparison.OrdinalIgnoreCase) || query["embed"] != "1"
            || !AccountId.IsValid(query["account"].ToString()))
        {
            return [];
        }
        try
        {
            return await grains.GetGrain<IEmbeddingGrain>(query["account"].ToString()).GetOrigins();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Headers are written before the error handler runs: an unreachable store frames the page for no one rather than failing it.
            http.RequestServices.GetRequiredService<ILogger<SecurityHeaders>>().LogWarning(failure, "Embedding origins unavailable; the page is served without them");
            return [];
        }
    }

    /// <summary>
    /// The one-use nonce that lets the API reference page's inline start-up script run; the
    /// page asks for it while it is written, before the headers go out.
    /// </summary>
    public static string NonceOf(HttpContext http)
    {
        if (http.Items[NonceKey] is not string nonce)
        {
            // Hex rather than base64: the page writes it into an attribute, where +, / and = would be escaped.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    private static readonly object NonceKey = new();

    /// <summary>
    /// Scripts and styles only from the node's own files (no inline code), images also as data:
    /// URLs (the pages' icon), connections to the node itself, including its hub's WebSockets.
    /// The Orleans dashboard, which only admins reach, sets styles inline and embeds its fonts;
    /// so does the API reference, whose start-up script runs by its nonce.
    /// </summary>
    private static string Policy(HttpContext http, string frameAncestors)
    {
        var host = http.Request.Host;
        var sockets = host.HasValue ? $" ws://{host.ToUriComponent()} wss://{host.ToUriComponent()}" : "";
        var reference = http.Request.Path.StartsWithSegments(OpenApiExtensions.ReferencePath);
        var inlineStyles = reference || http.Request.Path.StartsWithSegments(DashboardExtensions.Path);
        var scripts = reference && http.Items[NonceKey] is string nonce ? $"script-src 'self' 'nonce-{nonce}'" : "script-src 'self'";
        var styles = inlineStyles ? "style-src 'self' 'unsafe-inline'; font-src 'self' data:" : "style-src 'self'";
        return $"default-src 'self'; {scripts}; {styles}; img-src 'self' data:; " +
            $"connect-src 'self'{sockets}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frameAncestors}";
    }
}
