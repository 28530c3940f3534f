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
            headers.ContentSecurityPolicy = Policy(http.Request.Host, http.Request.Path.StartsWithSegments(DashboardExtensions.Path));
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    }

    /// <summary>
    /// Scripts and styles only from the node's own files (no inline code), images also as data:
    /// URLs (the pages' icon), connections to the node itself, including its hub's WebSockets.
    /// The Orleans dashboard, which only admins reach, sets styles inline and embeds its fonts.
    /// </summary>
    private string Policy(HostString host, bool dashboard)
    {
        var sockets = host.HasValue ? $" ws://{host.ToUriComponent()} wss://{host.ToUriComponent()}" : "";
        var styles = dashboard ? "style-src 'self' 'unsafe-inline'; font-src 'self' data:" : "style-src 'self'";
        return $"default-src 'self'; script-src 'self'; {styles}; img-src 'self' data:; " +
            $"connect-src 'self'{sockets}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {_frameAncestors}";
    }
}
