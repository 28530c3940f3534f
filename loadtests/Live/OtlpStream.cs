using System.Diagnostics.Metrics;
using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Runner;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Hub.LoadTests.Live;

/// <summary>
/// Streams the live statistics to an OpenTelemetry collector over OTLP at every refresh while
/// a run goes, so that a load tester watches the run beside the hub's own metrics (in Grafana
/// or any OTLP backend) rather than after it. With agents, each streams its own share, told
/// apart by <c>loadtest.agent</c>.
/// </summary>
public sealed class OtlpStream : IDisposable
{
    public const string Option = "--otlp";
    public const string MeterName = "Hub.LoadTests";
    private const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private readonly Meter _meter = new(MeterName);
    private readonly MeterProvider _provider;
    private LiveStatus? _latest;

    private OtlpStream(Uri? endpoint, TimeSpan every, IReadOnlyDictionary<string, object> run)
    {
        Observe();
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("hub-loadtests").AddAttributes(run))
            .AddMeter(MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                // An address given on the command line is the collector's OTLP/HTTP base; without
                // one the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
                if (endpoint is not null)
                {
                    exporter.Endpoint = new Uri(endpoint, "v1/metrics");
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                }
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Max(100, every.TotalMilliseconds);
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
            })
            .Build();
    }

    /// <summary>A stream when <c>--otlp</c> or the standard variable names a collector, else none.</summary>
    /// <param name="agent">Which share of a coordinated run this is, e.g. "2 of 3".</param>
    public static OtlpStream? From(Arguments arguments, string scenario, string target, TimeSpan every, string? agent = null)
    {
        var given = arguments.Value(Option);
        if (given is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(StandardEndpoint)))
        {
            return null;
        }
        Uri? endpoint = null;
        if (given is not null && (!Uri.TryCreate(given.EndsWith('/') ? given : given + "/", UriKind.Absolute, out endpoint)
            || endpoint.Scheme is not ("http" or "https")))
        {
            throw new FormatException($"{Option} must be the collector's OTLP/HTTP address, e.g. http://127.0.0.1:4318");
        }
        var run = new Dictionary<string, object>
        {
            ["loadtest.run"] = Guid.NewGuid().ToString("N"),
            ["loadtest.scenario"] = scenario,
            ["loadtest.target"] = target,
        };
        if (agent is not null)
        {
            run["loadtest.agent"] = agent;
        }
        return new OtlpStream(endpoint, every, run);
    }

    /// <summary>The live view's callback, keeping each refresh's figures for the next export.</summary>
    public Action<LiveStatus> Around(Action<LiveStatus> show) => status =>
    {
        Volatile.Write(ref _latest, status);
        show(status);
    };

    /// <summary>Sends the last figures before it stops, so that the collector ends with the run's totals.</summary>
    public void Dispose()
    {
        _provider.ForceFlush();
        _provider.Dispose();
        _meter.Dispose();
    }

    private void Observe()
    {
        _meter.CreateObservableCounter("loadtest.step.requests", () => Each((step, tags) =>
            new[] { new Measurement<long>(step.Ok, [.. tags, new("outcome", "ok")]), new Measurement<long>(step.Fail, [.. tags, new("outcome", "fail")]) }),
            "{request}", "Requests (or deliveries, for a push step) measured so far");
        _meter.CreateObservableGauge("loadtest.step.throughput", () => Each((step, tags) =>
            new[] { new Measurement<double>(step.Rps, tags) }),
            "{request}/s", "Successful requests a second over the measured time");
        _meter.CreateObservableGauge("loadtest.step.latency", () => Each((step, tags) =>
            new (string Quantile, double Ms)[] { ("p50", step.Latency.P50), ("p95", step.Latency.P95), ("p99", step.Latency.P99), ("max", step.Latency.Max) }
                .Select(q => new Measurement<double>(q.Ms, [.. tags, new("quantile", q.Quantile)]))),
            "ms", "Latency of the successful requests so far");
        _meter.CreateObservableCounter("loadtest.step.errors", () => Each((step, tags) =>
            step.Errors.Select(e => new Measurement<long>(e.Value, [.. tags, new("code", e.Key)]))),
            "{error}", "Failed requests by the hub's error code");
        _meter.CreateObservableGauge("loadtest.step.counter", () => Each((step, tags) =>
            step.Counters.Select(c => new Measurement<long>(c.Value, [.. tags, new("name", c.Key)]))),
            description: "The step's own counters: lost, duplicated, connections opened, refused, reset");
        _meter.CreateObservableGauge<double>("loadtest.run.elapsed", () =>
            Volatile.Read(ref _latest) is { } status ? [new(status.ElapsedSeconds, new KeyValuePair<string, object?>("phase", status.Phase))] : [],
            "s", "Measured time so far, with the run's phase");
    }

    private IEnumerable<Measurement<T>> Each<T>(Func<StepSnapshot, KeyValuePair<string, object?>[], IEnumerable<Measurement<T>>> measure) where T : struct =>
        Volatile.Read(ref _latest) is { } status
            ? status.Steps.SelectMany(step => measure(step, [new("scenario", step.Scenario), new("step", step.Step)]))
            : [];
}
