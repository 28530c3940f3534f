using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Web.Tests;

/// <summary>
/// The Prometheus scrape is not public: admins only on the main port, or anyone on a metrics
/// port of its own, which the main port then does not serve. It carries the hub's own meter.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MetricsTests(HubFixture hub)
{
    private static readonly TimeSpan MoveDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Only_an_admin_may_scrape_the_main_port()
    {
        var citizen = await hub.Api.Citizen("指标市民");
        var admin = await hub.Api.Admin();

        var anonymous = await hub.Api.Send(HttpMethod.Get, "/metrics");
        var asCitizen = await hub.Api.Send(HttpMethod.Get, "/metrics", citizen.Token);
        var asAdmin = await hub.Api.Send(HttpMethod.Get, "/metrics", admin.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCitizen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal("text/plain", asAdmin.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await asAdmin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_hub_meter_counts_connections_and_calls_by_method_and_result()
    {
        var admin = await hub.Api.Admin();
        var before = Sum(await Scrape(admin.Token), "hub_calls_total", "hub_method=\"FollowEvent\"", "hub_result=\"not_found\"");
        await using var client = await hub.Connect((await hub.Api.Citizen("指标观众")).Token);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<HubException>(() => client.Invoke("FollowEvent", $"no-such-event-{i}"));
        }

        await Until(admin.Token, text =>
            Sum(text, "hub_calls_total", "hub_method=\"FollowEvent\"", "hub_result=\"not_found\"") >= before + 3 &&
            Sum(text, "hub_connections") >= 1);
    }

    [Fact]
    public async Task Queues_their_waits_and_pushes_are_measured_per_account()
    {
        var admin = await hub.Api.Admin();
        var account = await hub.Api.Account("指标排队热线");
        var accountLabel = $"hub_account=\"{account}\"";
        var assignedBefore = Sum(await Scrape(admin.Token), "hub_pushes_total", "hub_event=\"conversationAssigned\"");
        await using var citizen = await hub.Connect((await hub.Api.Citizen("排队市民")).Token);
        await using var agent = await hub.Connect((await hub.Api.Agent(account)).Token);

        await citizen.Invoke<JsonElement>("StartConversation", account, "排队等候");
        await Until(admin.Token, text => Sum(text, "hub_queue_length", accountLabel) == 1);
        await agent.Invoke("SetAvailability", account, true);

        await Until(admin.Token, text =>
            Sum(text, "hub_queue_length", accountLabel) == 0 &&
            Sum(text, "hub_queue_wait_seconds_count", accountLabel) == 1 &&
            Sum(text, "hub_pushes_total", "hub_event=\"conversationAssigned\"") > assignedBefore);
    }

    [Fact]
    public async Task A_metrics_port_serves_the_scrape_without_a_token_and_the_main_port_does_not()
    {
        var port = HubAppFactory.FreePort();
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["Hub:Metrics:Port"] = port.ToString(CultureInfo.InvariantCulture) });
        var api = new HubApi(node.Address);
        var admin = await api.Admin();
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var onMetricsPort = await scraper.GetAsync("/metrics");
        var apiOnMetricsPort = await scraper.GetAsync("/api/events");
        var onMainPort = await api.Send(HttpMethod.Get, "/metrics", admin.Token);
        using var toMainPort = new HttpClient { BaseAddress = node.Address };
        var spoofedHost = await toMainPort.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"127.0.0.1:{port}" } });

        Assert.Equal(HttpStatusCode.OK, onMetricsPort.StatusCode);
        Assert.Contains("hub_connections", await onMetricsPort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetricsPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onMainPort.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, spoofedHost.StatusCode);
    }

    [Fact]
    public async Task A_node_exporting_over_otlp_serves_and_is_ready()
    {
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{HubAppFactory.FreePort()}" });
        var api = new HubApi(node.Address);

        var citizen = await api.Citizen("追踪市民");
        await using var client = await LiveClient.Connect(api.Address, citizen.Token);
        await Assert.ThrowsAsync<HubException>(() => client.Invoke("FollowEvent", "no-such-event"));

        Assert.Equal(HttpStatusCode.OK, (await api.Send(HttpMethod.Get, "/health/ready")).StatusCode);
    }

    private async Task<string> Scrape(string token)
    {
        var response = await hub.Api.Send(HttpMethod.Get, "/metrics", token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until the text satisfies the condition (the exporter caches a scrape briefly), or fails at the deadline.</summary>
    private async Task Until(string token, Func<string, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + MoveDeadline;
        while (true)
        {
            var text = await Scrape(token);
            if (condition(text))
            {
                return;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the metrics did not move in time:{Environment.NewLine}{text}");
            await Task.Delay(PollPause);
        }
    }

    /// <summary>The sum of a metric's samples whose labels include every one given.</summary>
    private static double Sum(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') is var end and >= 0 ? end + 1 : line.IndexOf(' '))..].Trim().Split(' ')[0],
                CultureInfo.InvariantCulture));
}
