namespace Hub.Realtime.Hosting;

/// <summary>Where the Prometheus scrape is served, bound from <c>Hub:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Hub:Metrics";
    public const string Invalid = "Hub:Metrics:Port must be a TCP port, 1 to 65535";

    /// <summary>
    /// A port of its own for <c>/metrics</c>, on every interface and without a token, for a
    /// scraper on the private network; a web node's main port then does not serve it. None
    /// (the default): a web node serves <c>/metrics</c> on its main port, for admins only, and
    /// a headless silo serves no scrape (it can still export over OTLP).
    /// </summary>
    public int? Port { get; set; }

    public bool IsValid => Port is null or (> 0 and <= 65535);
}
