using Hub.Grains.Hosting.Dashboard;
using Hub.Web.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Orleans.Dashboard;

namespace Hub.Web.Hosting;

/// <summary>
/// The Orleans dashboard for admins at <see cref="Path"/>. A browser opening it sends no
/// bearer header, so an admin's page first trades its token for a cookie that only the
/// dashboard's path receives; the token inside is checked like any other, so a disabled admin
/// loses the dashboard with their other sessions.
/// </summary>
public static class DashboardExtensions
{
    public const string Path = "/ops/orleans";
    public const string SessionPath = "/ops/session";
    private const string CookieName = "hub-ops";

    public static WebApplication MapHubDashboard(this WebApplication app)
    {
        if (!HubDashboardOptions.IsEnabled(app.Configuration))
        {
            return app;
        }
        app.MapOrleansDashboard(Path).RequireAuthorization(IdentityExtensions.AdminPolicy).ExcludeFromDescription();
        app.MapPost(SessionPath, OpenSession).RequireAuthorization(IdentityExtensions.AdminPolicy).WithTags("Operations")
            .WithSummary("Trades the admin's bearer token for a cookie that opens the Orleans dashboard");
        return app;
    }

    /// <summary>The token the dashboard's requests carry in their cookie, for the bearer handler.</summary>
    public static string? TokenFromCookie(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && request.Cookies.TryGetValue(CookieName, out var token) ? token : null;

    private static IResult OpenSession(HttpContext http)
    {
        // The policy let the call in, so its token came in the bearer header: the cookie is scoped to the dashboard alone.
        var token = http.Request.Headers.Authorization.ToString()[JwtBearerDefaults.AuthenticationScheme.Length..].Trim();
        var expires = http.User.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = DashboardExtensions.Path,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = expires,
        });
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new { Path });
    }
}
