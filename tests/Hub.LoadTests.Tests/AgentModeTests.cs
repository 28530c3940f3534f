using System.Text.Json;
using Hub.LoadTests.Agents;
using Hub.LoadTests.CommandLine;

namespace Hub.LoadTests.Tests;

/// <summary>
/// A coordinator and two agents, each the built runner in its own process, run one scenario
/// against a real node: the merged report adds the agents' figures up, and thresholds are
/// checked on the merged figures.
/// </summary>
[Collection(LoadTestNodeCollection.Name)]
public sealed class AgentModeTests(LoadTestNode node, AgentModeTests.TwoAgents setup) : IClassFixture<AgentModeTests.TwoAgents>, IDisposable
{
    private const string Secret = "agent-secret-for-tests";
    private const int FollowersPerAgent = 3;

    /// <summary>Two agents on loopback, each the built runner in a process of its own.</summary>
    public sealed class TwoAgents : IAsyncLifetime
    {
        public AgentProcesses Agents { get; private set; } = null!;

        public async Task InitializeAsync() => Agents = await AgentProcesses.Start(2, Secret);

        public Task DisposeAsync() => Agents.DisposeAsync().AsTask();
    }

    private readonly string _reports = Directory.CreateTempSubdirectory("hub-load-agents-").FullName;

    [Fact]
    public async Task Merged_figures_are_the_sum_of_the_agents_figures()
    {
        using var client = new AgentClient(Secret);
        var agents = setup.Agents.Addresses;
        var results = await Task.WhenAll(agents.Select((agent, i) =>
            client.Run(agent, new AgentRequest(FanoutArgs("--rate", "4"), i, agents.Count), CancellationToken.None)));

        var merged = CoordinatorCommand.Merge(results).Snapshot(TimeSpan.FromSeconds(results.Max(r => r.MeasuredSeconds)));

        var tallies = results.SelectMany(r => r.Steps).ToList();
        Assert.NotEmpty(merged);
        foreach (var step in merged)
        {
            var parts = tallies.Where(t => t.Scenario == step.Scenario && t.Step == step.Step).ToList();
            Assert.Equal(parts.Sum(p => p.Ok), step.Ok);
            Assert.Equal(parts.Sum(p => p.Fail), step.Fail);
            foreach (var (counter, value) in step.Counters)
            {
                Assert.Equal(parts.Sum(p => p.Counters.GetValueOrDefault(counter)), value);
            }
        }
        var delivered = merged.Single(s => s.Step == "update-delivery");
        Assert.True(results.All(r => r.Steps.Single(t => t.Step == "update-delivery").Ok > 0), "every agent delivered updates");
        Assert.Equal(2 * FollowersPerAgent, merged.Single(s => s.Step == "connect").Counters["opened"]);
        Assert.True(delivered.Latency.P99 > 0);
    }

    [Fact]
    public async Task The_coordinator_reports_the_merged_run_and_fails_a_threshold_only_the_merged_figures_break()
    {
        // Each agent opens 3 followers, which alone would pass; together they open 6.
        string[] args =
        [
            CoordinatorCommand.Name, .. FanoutArgs("--rate", "2"), "--report-dir", _reports, "--plain",
            "--agent", setup.Agents.Addresses[0].ToString(), "--agent", setup.Agents.Addresses[1].ToString(), "--secret", Secret,
            "--threshold", "connect:opened<5", "--threshold", "lost=0",
        ];

        var exitCode = await LoadTestCommand.Run(args, CancellationToken.None);

        Assert.Equal(ExitCodes.ThresholdFailed, exitCode);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(_reports, "incident-fanout-*.json").Single())).RootElement;
        var thresholds = report.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.False(thresholds.Single(t => t.GetProperty("threshold").GetProperty("text").GetString() == "connect:opened<5").GetProperty("passed").GetBoolean());
        Assert.True(thresholds.Single(t => t.GetProperty("threshold").GetProperty("text").GetString() == "lost=0").GetProperty("passed").GetBoolean());
        Assert.Equal(2, report.GetProperty("scenarios").GetArrayLength());
        Assert.DoesNotContain(Secret, report.GetProperty("command").GetString());
    }

    [Fact]
    public async Task An_agent_runs_nothing_for_a_coordinator_without_its_secret()
    {
        using var client = new AgentClient("wrong-secret");

        var error = await Assert.ThrowsAsync<AgentFailedException>(() =>
            client.Run(setup.Agents.Addresses[0], new AgentRequest(FanoutArgs(), 0, 1), CancellationToken.None));

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task An_agent_answers_a_wrong_command_line_with_the_reason()
    {
        using var client = new AgentClient(Secret);

        var error = await Assert.ThrowsAsync<AgentFailedException>(() =>
            client.Run(setup.Agents.Addresses[0], new AgentRequest(["incident-fanout", "--no-such-option", "1"], 0, 1), CancellationToken.None));

        Assert.Contains("400", error.Message);
        Assert.Contains("--no-such-option", error.Message);
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);

    private string[] FanoutArgs(params string[] options) =>
    [
        "incident-fanout", .. node.TargetArgs, "--followers", FollowersPerAgent.ToString(), "--duration", "2s",
        "--warmup", "0s", "--drain", "5s", .. options,
    ];
}
