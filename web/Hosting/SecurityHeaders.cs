using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hub.Web.Hosting;

/// <summary>
/// Puts the browser security headers on every response: pages, REST answers, errors and static
/// files. They are written when the response starts, so an error page that clears the
/// response on its way still carries them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<HttpSecurityOptions> options)
{
    private readonly string _frameAncestors =
        options.Value.FrameAncestors.Count == 0 ? "'none'" : string.Join(' ', options.Value.FrameAncestors);

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = Policy(http);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    }

    /// <summary>
    /// The one-use nonce that lets the API reference page's inline start-up script run; the
    /// page asks for it while it is written, before the headers go out.
    /// </summary>
    public static string NonceOf(HttpContext http)
    {
        if (http.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
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
    private string Policy(HttpContext http)
    {
        var host = http.Request.Host;
        var sockets = host.HasValue ? $" ws://{host.ToUriComponent()} wss://{host.ToUriComponent()}" : "";
        var reference = http.Request.Path.StartsWithSegments(OpenApiExtensions.ReferencePath);
        var inlineStyles = reference || http.Request.Path.StartsWithSegments(DashboardExtensions.Path);
        var scripts = reference && http.Items[NonceKey] is string nonce ? $"script-src 'self' 'nonce-{nonce}'" : "script-src 'self'";
        var styles = inlineStyles ? "style-src 'self' 'unsafe-inline'; font-src 'self' data:" : "style-src 'self'";
        return $"default-src 'self'; {scripts}; {styles}; img-src 'self' data:; " +
            $"connect-src 'self'{sockets}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {_frameAncestors}";
    }
}
