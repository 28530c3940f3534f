using System.Text.Json;
using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Scenarios;

namespace Hub.LoadTests.Tests;

/// <summary>The connections scenario opens and holds its connections and reports the hub's memory per connection.</summary>
[Collection(LoadTestNodeCollection.Name)]
public sealed class HeldConnectionsTests(LoadTestNode node) : IDisposable
{
    private const int Held = 20;

    private readonly string _reports = Directory.CreateTempSubdirectory("hub-load-connections-").FullName;

    [Fact]
    public async Task Connections_are_opened_at_the_rate_held_and_the_report_states_the_memory_each_costs()
    {
        var exitCode = await LoadTestCommand.Run(
            ["connections", .. node.TargetArgs, "--connections", $"{Held}", "--rate", "40", "--duration", "1s", "--warmup", "0s",
             "--plain", "--report-dir", _reports, "--threshold", "connect:fail=0", "--threshold", "connect:opened=20"],
            CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, exitCode);
        var json = Directory.GetFiles(_reports, "connections-*.json").Single();
        var steps = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.GetProperty("steps").EnumerateArray().ToList();
        var connect = steps.Single(s => s.GetProperty("step").GetString() == "connect");
        Assert.Equal(Held, connect.GetProperty("ok").GetInt64());
        Assert.True(connect.GetProperty("latency").GetProperty("p99").GetDouble() > 0);
        var server = steps.Single(s => s.GetProperty("step").GetString() == HeldConnections.Server).GetProperty("counters");
        Assert.True(server.GetProperty("connections_held").GetInt64() >= server.GetProperty("connections_before").GetInt64() + Held);
        Assert.True(server.GetProperty("memory_held_bytes").GetInt64() > 0);
        Assert.True(server.TryGetProperty(HeldConnections.PerConnection, out _));
        Assert.False(server.TryGetProperty(HeldConnections.Unreadable, out _));
        Assert.Contains(HeldConnections.PerConnection, await File.ReadAllTextAsync(Path.ChangeExtension(json, "txt")));
    }

    [Fact]
    public void A_scrape_sums_a_metric_over_its_labels_and_ignores_longer_names()
    {
        const string scrape = """
            # TYPE hub_connections gauge
            hub_connections{kind="anonymous"} 12
            hub_connections{kind="staff"} 3 1700000000000
            hub_connections_refused_total 9
            dotnet_process_memory_working_set_bytes 1.5e8
            """;

        Assert.Equal(15, PrometheusText.Sum(scrape, "hub_connections"));
        Assert.Equal(150_000_000, PrometheusText.Sum(scrape, "dotnet_process_memory_working_set_bytes"));
        Assert.Null(PrometheusText.Sum(scrape, "hub_connection"));
    }

    [Fact]
    public void Memory_per_connection_is_the_growth_over_the_connections_opened()
    {
        var before = new ServerMemory(100_000_000, 40_000_000, 2);
        var held = new ServerMemory(130_000_000, 50_000_000, 1002);

        Assert.Equal(30_000, held.PerConnectionSince(before, m => m.WorkingSetBytes));
        Assert.Equal(10_000, held.PerConnectionSince(before, m => m.GcHeapBytes));
        Assert.Equal(0, before.PerConnectionSince(before, m => m.WorkingSetBytes));
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);
}
