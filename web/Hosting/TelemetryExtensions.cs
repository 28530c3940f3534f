using Hub.Realtime.Hubs;
using Hub.Web.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Hub.Web.Hosting;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core and Kestrel, SignalR, the runtime, Orleans and the
/// hub itself, scraped by Prometheus at <c>/metrics</c>. With the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set they are also pushed over OTLP, with traces from the
/// HTTP request or hub call through the grain calls to PostgreSQL; without it no trace is
/// recorded, which keeps the default cheap.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string OrleansMeter = "Microsoft.Orleans";
    private const string SignalRMeter = "Microsoft.AspNetCore.Http.Connections";
    private const string NpgsqlSource = "Npgsql";
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";
    private const string MetricsPortPolicy = "metrics-port";

    public static WebApplicationBuilder AddHubTelemetry(this WebApplicationBuilder builder)
    {
        // Every log line carries the trace and span it was written in, for the JSON console and OTLP alike.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.AddOptions<MetricsOptions>()
            .Bind(builder.Configuration.GetSection(MetricsOptions.Section))
            .Validate(o => o.IsValid, "Hub:Metrics:Port must be a TCP port, 1 to 65535")
            .ValidateOnStart();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hub"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, SignalRMeter, HubMetrics.MeterName)
                .AddPrometheusExporter());
        if (builder.Configuration[OtlpEndpointSetting] is { Length: > 0 })
        {
            // A hub call's grain calls join its trace only when Orleans passes the activity along.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(SignalRSource, ActivitySources.AllActivitySourceName, NpgsqlSource))
                .WithLogging()
                .UseOtlpExporter();
        }

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
