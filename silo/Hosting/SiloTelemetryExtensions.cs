using Hub.Realtime.Hosting;
using OpenTelemetry.Metrics;

namespace Hub.Silo.Hosting;

public static class SiloTelemetryExtensions
{
    /// <summary>
    /// The node's telemetry (see <see cref="NodeTelemetryExtensions"/>). A headless silo serves
    /// no HTTP, so its Prometheus scrape has a listener of its own, on <c>Hub:Metrics:Port</c>
    /// when one is set, for a scraper on the private network.
    /// </summary>
    public static IHostApplicationBuilder AddHubSiloTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .Bind(builder.Configuration.GetSection(MetricsOptions.Section))
            .Validate(o => o.IsValid, MetricsOptions.Invalid)
            .ValidateOnStart();
        var port = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Port;
        builder.AddHubNodeTelemetry().WithMetrics(metrics =>
        {
            if (port is > 0 and <= 65535)
            {
                metrics.AddPrometheusHttpListener(listener =>
                {
                    listener.Port = port.Value;
                    // Every interface and whatever host name the scraper uses, which the Host option cannot say.
                    listener.ConfigureHttpListener = (_, http) =>
                    {
                        http.Prefixes.Clear();
                        http.Prefixes.Add($"http://+:{port}/");
                    };
                });
            }
        });
        return builder;
    }
}
