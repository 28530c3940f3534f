using Hub.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Orleans.Hosting;

namespace Hub.Realtime.Hosting;

/// <summary>
/// The telemetry every node has, web node and headless silo alike: the runtime's, Orleans',
/// SignalR's and the hub's own meters, and, with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// set, traces from the hub call through the grain calls to PostgreSQL and Redis, with the logs,
/// over OTLP. Without it no trace is recorded, which keeps the default cheap. Each host adds
/// its own scrape endpoint.
/// </summary>
public static class NodeTelemetryExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string OrleansMeter = "Microsoft.Orleans";
    private const string SignalRMeter = "Microsoft.AspNetCore.Http.Connections";
    private const string NpgsqlSource = "Npgsql";
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    /// <param name="hostTracing">What the host adds to the traces, when they are recorded.</param>
    public static OpenTelemetryBuilder AddHubNodeTelemetry(this IHostApplicationBuilder builder, Action<TracerProviderBuilder>? hostTracing = null)
    {
        // Every log line carries the trace and span it was written in, for the JSON console and OTLP alike.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hub", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, SignalRMeter, GrainMetrics.MeterName));
        if (builder.Configuration[OtlpEndpointSetting] is { Length: > 0 })
        {
            // A hub call's grain calls join its trace only when Orleans passes the activity along.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
            telemetry
                .WithTracing(tracing =>
                {
                    tracing
                        .AddSource(SignalRSource, ActivitySources.AllActivitySourceName, NpgsqlSource)
                        .AddRedisInstrumentation();
                    hostTracing?.Invoke(tracing);
                })
                .WithLogging()
                .UseOtlpExporter();
        }
        return telemetry;
    }
}
