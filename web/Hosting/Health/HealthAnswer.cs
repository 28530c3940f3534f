using System.Text.Json;
using Hub.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Web.Hosting.Health;

/// <summary>
/// The body of a health answer: the overall status for everyone; for an admin also each
/// check with its status and why, so an operator sees which part failed without the public
/// learning how the node is built.
/// </summary>
public static class HealthAnswer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var isAdmin = (await authorization.AuthorizeAsync(http.User, IdentityExtensions.AdminPolicy)).Succeeded;
        object answer = isAdmin
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new
                {
                    name = e.Key,
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
            }
            : new { status = report.Status.ToString() };
        await JsonSerializer.SerializeAsync(http.Response.Body, answer, Json, http.RequestAborted);
    }
}
