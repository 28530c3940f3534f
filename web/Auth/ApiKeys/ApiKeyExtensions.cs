using System.Threading.RateLimiting;
using Hub.Grains.Common;
using Hub.Grains.Limits;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Auth.ApiKeys;

/// <summary>
/// Service accounts: requests that present an API key are authenticated by it instead of a
/// bearer token, limited per key, and refused (forbidden) when a read key tries to change anything.
/// </summary>
public static class ApiKeyExtensions
{
    private const string Selector = "hub";

    public static WebApplicationBuilder AddHubApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .Bind(builder.Configuration.GetSection(ApiKeyOptions.Section))
            .Validate(o => o.Requests.IsValid, "Hub:ApiKeys:Requests permits and window must be positive")
            .ValidateOnStart();
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "a bearer token or an API key", scheme => scheme.ForwardDefaultSelector =
                http => ApiKeyAuthentication.Presented(http.Request) is null ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.Configure<RateLimiterOptions>(limiter => limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerKey));
        return builder;
    }

    /// <summary>After authentication: a read key may only read.</summary>
    public static WebApplication UseHubApiKeyScopes(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var scope = http.User.FindFirst(ApiKeyAuthentication.ScopeClaim)?.Value;
            if (scope == Grains.ApiKeys.ApiKey.Read && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.StatusCode = HubErrorCode.Forbidden.HttpStatus();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = http.Response.StatusCode,
                        Title = HubErrorCode.Forbidden.Prefix(),
                        Detail = "this API key may only read",
                    },
                });
                return;
            }
            await next(http);
        });
        return app;
    }

    private static RateLimitPartition<string> PerKey(HttpContext http)
    {
        if (http.User.FindFirst(ApiKeyAuthentication.ScopeClaim) is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var keyId = http.User.FindFirst(Realtime.Identity.HubClaims.UserId)!.Value;
        var limits = http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value;
        if (!limits.Enabled)
        {
            return RateLimitPartition.GetNoLimiter(keyId);
        }
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Requests;
        return RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }
}
