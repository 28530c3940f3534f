namespace Hub.Web.Tests;

/// <summary>
/// A headless silo serves no HTTP, yet an operator scrapes it like a web node: its metrics
/// port answers with the runtime's and Orleans' meters.
/// </summary>
public sealed class HeadlessSiloTelemetryTests
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_headless_silo_is_scraped_on_its_metrics_port()
    {
        await using var database = await TestDatabase.Create();
        var metricsPort = HubAppFactory.FreePort();
        await using var silo = await HubProcess.StartSilo(new Dictionary<string, string>(ClusterNodes.WithOwnPorts(ClusterNodes.Settings(database)))
        {
            ["Hub:Metrics:Port"] = $"{metricsPort}",
        });
        using var http = new HttpClient();

        var deadline = DateTimeOffset.UtcNow + ScrapeDeadline;
        var scrape = "";
        while (!(scrape.Contains("orleans_", StringComparison.Ordinal) && scrape.Contains("dotnet_gc_", StringComparison.Ordinal))
            && DateTimeOffset.UtcNow < deadline)
        {
            scrape = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics");
        }

        Assert.Contains("orleans_", scrape);
        Assert.Contains("dotnet_gc_", scrape);
    }
}
