using Hub.Grains.Common;
using Hub.Web.Apis;
using Hub.Web.Auth.ApiKeys;
using Hub.Web.Feeds;
using Hub.Web.Hosting.Overload;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Hosting;

public static class ApiExtensions
{
    /// <summary>Largest REST body; every field of the contract fits in far less.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddHubApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RuleViolationHandler>();
        // An unreadable body reaches RuleViolationHandler in every environment, not only in
        // Development, so it answers the same short problem+json everywhere.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.AddHubHealth();
        builder.AddHubOpenApi();
        builder.AddHubAddressLimits();
        builder.AddHubFeeds();
        return builder;
    }

    /// <summary>The metrics port's gate, forwarded headers and security headers, errors as problem+json, admission to the hub, the pages, identity, limits, and the endpoints, in that order.</summary>
    public static WebApplication UseHubPipeline(this WebApplication app)
    {
        app.UseHubMetricsPort();
        app.UseHubHttpSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages(AnswerEmptyError);
        app.UseHubAdmission();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseHubApiKeyScopes();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapAuthApi();
        app.MapAccountsApi();
        app.MapConversationsApi();
        app.MapStaffApi();
        app.MapEventsApi();
        app.MapSecurityLogApi();
        app.MapWebhooksApi();
        app.MapFeedsApi();
        app.MapApiKeysApi();
        app.MapBodiesApi();
        app.MapBodyStaffApi();
        app.MapPostsApi();
        app.MapInspectionApi();
        app.MapWeChatApi();
        app.MapEmbeddingApi();
        app.MapHubHealth();
        app.MapHubOpenApi();
        app.MapHubMetrics();
        app.MapHubDashboard();
        app.MapLiveHub();
        app.MapRazorPages();
        app.AnnounceAddresses();
        app.WarnIfLimitsAreOff();
        return app;
    }

    /// <summary>
    /// An error answered without a body gets problem+json. A body that is not sent as JSON is
    /// answered 415 by the framework; the contract's status for it is 400.
    /// </summary>
    private static Task AnswerEmptyError(StatusCodeContext pages)
    {
        var http = pages.HttpContext;
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            http.Response.StatusCode = HubErrorCode.BadRequest.HttpStatus();
            problem = new ProblemDetails
            {
                Status = http.Response.StatusCode,
                Title = HubErrorCode.BadRequest.Prefix(),
                Detail = "the body must be JSON, sent as application/json",
            };
        }
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    /// <summary>Says where the hub listens once it does, so the Run command prints its URL.</summary>
    private static void AnnounceAddresses(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("Hub is running at {Address}", address);
            }
        });
}
