namespace Hub.Web.Hosting;

/// <summary>Where the Prometheus scrape is served, bound from <c>Hub:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Hub:Metrics";

    /// <summary>
    /// A port of its own for <c>/metrics</c>, on every interface and without a token, for a
    /// scraper on the private network; the main port then does not serve it. None (the
    /// default): <c>/metrics</c> is on the main port, for admins only.
    /// </summary>
    public int? Port { get; set; }

    public bool IsValid => Port is null or (> 0 and <= 65535);
}
