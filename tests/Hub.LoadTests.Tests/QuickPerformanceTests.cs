using System.Text.Json;
using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Floor;
using Hub.Testing;

namespace Hub.LoadTests.Tests;

/// <summary>
/// A short calibrated chat run in the Test command: the hub against the bare SignalR floor on
/// the same machine in the same run, with limits generous enough for a busy test machine and
/// tight enough that a hub three times slower than today fails them.
/// </summary>
[Collection(LoadTestNodeCollection.Name)]
public sealed class QuickPerformanceTests(LoadTestNode node) : IDisposable
{
    // In the test build, with the node, the floor and the clients in one process on two cores,
    // chat reaches 0.24-0.26x the floor's echo rate at 3-4.5x its p99; three times slower would be
    // about 0.08x and 10-13x.
    private const double LeastThroughputRatio = 0.1;
    private const double MostP99Ratio = 12;

    private readonly string _reports = Directory.CreateTempSubdirectory("hub-load-quick-").FullName;

    [Fact]
    public async Task Citizen_chat_keeps_within_reach_of_the_floor()
    {
        await using var floor = await FloorServer.Start(new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}"));

        var exitCode = await LoadTestCommand.Run(
            ["citizen-chat", .. node.TargetArgs, "--citizens", "8", "--duration", "3s", "--warmup", "1s", "--plain",
             "--report-dir", _reports, "--calibrate", "--floor", floor.Urls.First(), "--threshold", "lost=0"],
            CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, exitCode);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(_reports, "*.json").Single())).RootElement;
        var ratio = report.GetProperty("calibration").GetProperty("ratios").EnumerateArray().Single();
        var throughput = ratio.GetProperty("rpsRatio").GetDouble();
        var p99 = ratio.GetProperty("p99Ratio").GetDouble();
        Console.WriteLine($"quick check: throughput {throughput:0.00}x the floor's, p99 {p99:0.0}x");
        Assert.True(throughput >= LeastThroughputRatio, $"throughput {throughput:0.00}x the floor's, below {LeastThroughputRatio}x");
        Assert.True(p99 <= MostP99Ratio, $"p99 {p99:0.0}x the floor's, above {MostP99Ratio}x");
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);
}
