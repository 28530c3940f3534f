using System.Diagnostics.Metrics;
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
    private const int FewSeriesLimit = 200;
    private const string SignalRMeter = "Microsoft.AspNetCore.Http.Connections";
    private const string NpgsqlSource = "Npgsql";
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    /// <summary>
    /// OpenTelemetry reserves room for 2,000 series in every metric stream of every reader at
    /// once: about 45 MB of an idle node's 110 MB of live objects. Most instruments carry a few
    /// tags each (at most a series per grain type, endpoint or transport) and get room for
    /// <see cref="FewSeriesLimit"/>; those tagged by hub method, route or result keep the default.
    /// </summary>
    private static MetricStreamConfiguration? FewSeries(Instrument instrument) =>
        ManySeriesMeters.Contains(instrument.Meter.Name) ? null : new MetricStreamConfiguration { CardinalityLimit = FewSeriesLimit };

    private static readonly HashSet<string> ManySeriesMeters =
    [
        GrainMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
    ];

    /// <param name="hostTracing">What the host adds to the traces, when they are recorded.</param>
    public static OpenTelemetryBuilder AddHubNodeTelemetry(this IHostApplicationBuilder builder, Action<TracerProviderBuilder>? hostTracing = null)
    {
        // Every log line carries the trace and span it was written in, for the JSON console and OTLP alike.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hub", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics
                .AddRuntimeInstrumentation()
                .AddMeter(OrleansMeter, SignalRMeter, GrainMetrics.MeterName)
                .AddView(FewSeries));
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
