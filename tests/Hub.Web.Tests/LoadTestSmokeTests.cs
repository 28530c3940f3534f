using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Floor;

namespace Hub.Web.Tests;

/// <summary>
/// Each load-test scenario runs for a couple of seconds against a real node, through the same
/// command line an operator uses: this checks the pipeline (set-up, steps, pushes, counters,
/// thresholds, reports), not performance.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class LoadTestSmokeTests(LoadTestSmokeTests.LimitlessNode node) : IDisposable, IClassFixture<LoadTestSmokeTests.LimitlessNode>
{
    /// <summary>A node run as load testers run one on a closed network: with the limits off.</summary>
    public sealed class LimitlessNode : IAsyncLifetime
    {
        private readonly HubAppFactory _factory = new(new Dictionary<string, string> { ["Hub:Limits:Enabled"] = "false" });

        public Uri Address { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Address = _factory.Address;
            return Task.CompletedTask;
        }

        public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
    }

    private readonly string _reports = Directory.CreateTempSubdirectory("hub-load-smoke-").FullName;

    [Fact]
    public async Task Citizen_chat_delivers_every_message_once_and_is_calibrated_against_the_floor()
    {
        await using var floor = await FloorServer.Start(new Uri($"http://127.0.0.1:{FreePort()}"));

        var report = await Run("citizen-chat", "--citizens", "3", "--calibrate", "--floor", floor.Urls.First(),
            "--threshold", "lost=0", "--threshold", "duplicated=0");

        Assert.True(Step(report, "citizen-chat", "send").GetProperty("ok").GetInt64() > 0);
        Assert.True(Step(report, "citizen-chat", "delivery").GetProperty("ok").GetInt64() > 0);
        Assert.True(Step(report, "citizen-chat", "echo").GetProperty("ok").GetInt64() > 0);
        var ratio = Assert.Single(report.GetProperty("calibration").GetProperty("ratios").EnumerateArray());
        Assert.True(ratio.GetProperty("rpsRatio").GetDouble() > 0);
    }

    [Fact]
    public async Task Incident_fanout_reaches_every_follower_with_every_update()
    {
        var report = await Run("incident-fanout", "--followers", "5", "--rate", "5", "--threshold", "lost=0",
            "--threshold", "out_of_order=0", "--threshold", "update-delivery:fail=0");

        var published = Step(report, "incident-fanout", "publish").GetProperty("ok").GetInt64();
        Assert.True(published > 0);
        Assert.True(Step(report, "incident-fanout", "update-delivery").GetProperty("ok").GetInt64() >= published * 5);
    }

    [Theory]
    [InlineData("board")]
    [InlineData("event")]
    public async Task Qa_storm_counts_every_acknowledged_vote_and_times_its_visibility(string follow)
    {
        var report = await Run("qa-storm", "--viewers", "4", "--observers", "4", "--askers", "3", "--voters", "10",
            "--rate", "5", "--ask-rate", "1", "--follow", follow, "--threshold", "lost=0", "--threshold", "stale_observers=0");

        Assert.True(Step(report, "qa-vote", "vote").GetProperty("ok").GetInt64() > 0);
        Assert.True(Step(report, "qa-vote", "vote-visible").GetProperty("ok").GetInt64() > 0);
        Assert.True(Step(report, "qa-ask", "approve").GetProperty("ok").GetInt64() > 0);
    }

    [Fact]
    public async Task Reconnect_storm_brings_every_client_back_up_to_date()
    {
        var report = await Run("reconnect-storm", "--clients", "4", "--storm-every", "1s", "--threshold", "fail=0");

        var storms = Step(report, "reconnect-storm", "storm").GetProperty("ok").GetInt64();
        Assert.True(storms > 0);
        Assert.Equal(storms * 4, Step(report, "reconnect-storm", "caught-up").GetProperty("ok").GetInt64());
    }

    [Fact]
    public async Task Mixed_runs_every_scenario_at_once()
    {
        var report = await Run("mixed", "--citizens", "2", "--followers", "3", "--viewers", "3", "--voters", "10",
            "--votes-rate", "3", "--clients", "2", "--storm-every", "1s", "--threshold", "lost=0");

        var scenarios = report.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("scenario").GetString()).ToHashSet();
        Assert.Equal(["citizen-chat", "incident-fanout", "qa-ask", "qa-vote", "reconnect-storm"], scenarios.Order());
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);

    /// <summary>Runs the command for two measured seconds without warm-up, expects it to pass, and reads its JSON report.</summary>
    private async Task<JsonElement> Run(string scenario, params string[] options)
    {
        string[] args =
        [
            scenario, "--target", node.Address.ToString(), "--admin-user", HubAppFactory.AdminUsername,
            "--admin-pass", HubAppFactory.AdminPassword, "--duration", "2s", "--warmup", "0s", "--refresh", "1s",
            "--report-dir", _reports, "--plain", .. options,
        ];
        var exitCode = await LoadTestCommand.Run(args, CancellationToken.None);

        var json = Directory.GetFiles(_reports, $"{scenario}-*.json").Single();
        Assert.Equal(5, Directory.GetFiles(_reports, $"{scenario}-*").Length);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement.Clone();
        Assert.True(exitCode == ExitCodes.Passed, $"exit code {exitCode}: {await File.ReadAllTextAsync(Path.ChangeExtension(json, "txt"))}");
        return report;
    }

    private static JsonElement Step(JsonElement report, string scenario, string step) =>
        report.GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("scenario").GetString() == scenario && s.GetProperty("step").GetString() == step);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
