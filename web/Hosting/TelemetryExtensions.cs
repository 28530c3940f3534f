using Hub.Realtime.Hosting;
using Hub.Realtime.Hubs;
using Hub.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hub.Web.Hosting;

/// <summary>
/// The web node's telemetry: the node's (see <see cref="NodeTelemetryExtensions"/>) with
/// ASP.NET Core's and Kestrel's, scraped by Prometheus at <c>/metrics</c>.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    private const string MetricsPortPolicy = "metrics-port";

    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .Bind(builder.Configuration.GetSection(MetricsOptions.Section))
            .Validate(o => o.IsValid, MetricsOptions.Invalid)
            .ValidateOnStart();

        builder.AddHubNodeTelemetry(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());

        if (MetricsPort(builder.Configuration) is { } port)
        {
            // The main addresses stay as configured; the metrics port is one more.
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries), $"http://0.0.0.0:{port}"]);
            builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPortPolicy,
                policy => policy.RequireAssertion(context => context.Resource is HttpContext http && http.Connection.LocalPort == port));
        }
        return builder;
    }

    /// <summary>The metrics port serves <c>/metrics</c> and nothing else; first in the pipeline, so no page or API answers there.</summary>
    public static WebApplication UseHubMetricsPort(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Port is { } port)
        {
            app.Use((http, next) =>
            {
                if (http.Connection.LocalPort == port && !http.Request.Path.Equals(MetricsPath, StringComparison.Ordinal))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(http);
            });
        }
        return app;
    }

    /// <summary>
    /// The scrape: on the metrics port when there is one (the policy checks the port the
    /// connection came in on, since a Host header is the client's to choose), else on the
    /// main port for admins.
    /// </summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        // Created now, not at the first connection, so a quiet node reports its zeros too.
        app.Services.GetRequiredService<HubMetrics>();
        var scrape = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Port is { } port)
        {
            scrape.RequireHost($"*:{port}").RequireAuthorization(MetricsPortPolicy);
        }
        else
        {
            scrape.RequireAuthorization(IdentityExtensions.AdminPolicy);
        }
        return app;
    }

    private static int? MetricsPort(IConfiguration configuration) =>
        configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() is { IsValid: true, Port: { } port } ? port : null;
}
