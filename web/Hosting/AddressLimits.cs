using System.Globalization;
using System.Threading.RateLimiting;
using Hub.Grains.Common;
using Hub.Grains.Limits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Hosting;

/// <summary>
/// Limits per client address (after forwarded headers) on the REST calls that mint identities,
/// open events or try return codes, from <c>Hub:Limits</c>. A refused request never reaches its endpoint, so it
/// stores nothing; it answers 429 problem+json with Retry-After.
/// </summary>
public static class AddressLimits
{
    public const string CitizenTokens = "citizen-tokens";
    public const string StaffSignIns = "staff-sign-ins";
    public const string EventOpens = "event-opens";
    public const string ConversationReturns = "conversation-returns";

    public static WebApplicationBuilder AddHubAddressLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(CitizenTokens, http => PerAddress(http, limits => limits.CitizenTokens));
            limiter.AddPolicy(StaffSignIns, http => PerAddress(http, limits => limits.StaffSignIns));
            limiter.AddPolicy(EventOpens, http => PerAddress(http, limits => limits.EventOpens));
            limiter.AddPolicy(ConversationReturns, http => PerAddress(http, limits => limits.ConversationReturns));
            limiter.OnRejected = Refuse;
        });
        return builder;
    }

    /// <summary>Says once, at start, that no limit applies, so a node left that way is noticed.</summary>
    public static WebApplication WarnIfLimitsAreOff(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<LimitOptions>>().Value.Enabled)
        {
            app.Logger.LogWarning("Hub:Limits:Enabled is false: no per-address or per-user limit applies; use this only for load tests on a closed network");
        }
        return app;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<LimitOptions, RateLimit> limitOf)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limits.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(address);
        }
        var limit = limitOf(limits);
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask Refuse(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var status = HubErrorCode.RateLimited.HttpStatus();
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = HubErrorCode.RateLimited.Prefix(),
                Detail = "too many requests from this address; try again later",
            },
        });
    }
}
