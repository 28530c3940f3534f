using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.Web.Tests;

/// <summary>
/// The only node of a PostgreSQL cluster is killed (SIGKILL) and started again on the same
/// address and ports, as a supervisor (systemd, Kubernetes with a fixed address) restarts a
/// crashed process. It finds its dead self still marked active in the membership table,
/// supersedes it, and serves again within seconds; it routes nothing to the agents who
/// vanished with it until they come back.
/// </summary>
public sealed class LoneNodeRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ServingBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_lone_node_killed_and_started_again_serves_its_old_conversations_within_seconds()
    {
        await using var node = await LoneNode.Start();
        var account = await node.Api.Account("重启测试");
        var token = (await node.Api.Citizen()).Token;
        string id;
        await using (var citizen = await LiveClient.Connect(node.Address, token))
        {
            id = (await citizen.Invoke<JsonElement>("StartConversation", account, "重启前")).Str("conversationId");
            Assert.Equal(1, (await citizen.Invoke<JsonElement>("SendMessage", id, "m-1", "重启前的消息")).Long("seq"));
        }

        var sinceStarted = await node.KillAndRestart();
        var seq = await LiveClient.UntilServed(node.Address, token, c => c.Invoke<JsonElement>("SendMessage", id, "m-2", "重启后的消息"), ServingBound);
        var serving = sinceStarted.Elapsed;

        output.WriteLine($"serving {serving.TotalSeconds:0.0} s after the new process started");
        Assert.Equal(2, seq.Long("seq"));
        Assert.True(serving < ServingBound, $"the restarted node served only {serving.TotalSeconds:0.0} s after it started");
    }

    [Fact]
    public async Task A_lone_node_restarted_after_a_crash_queues_new_conversations_until_an_agent_comes_back()
    {
        await using var node = await LoneNode.Start();
        var account = await node.Api.Account("重启派单测试");
        var agent = await node.Api.Agent(account, "随节点消失的坐席");
        var citizenToken = (await node.Api.Citizen()).Token;
        await using (var vanishing = await LiveClient.Connect(node.Address, agent.Token))
        {
            await vanishing.Invoke("SetAvailability", account, true);
        }

        await node.KillAndRestart();
        // Availability is stored, presence is not: after the restart nobody vouches for the agent.
        var started = await LiveClient.UntilServed(node.Address, citizenToken, c => c.Invoke<JsonElement>("StartConversation", account, "重启后的咨询"), ServingBound);
        var id = started.Str("conversationId");
        Assert.Equal("queued", started.Str("status"));
        Assert.Equal(JsonValueKind.Null, started.GetProperty("agentId").ValueKind);

        await using var returned = await LiveClient.Connect(node.Address, agent.Token);
        var assigned = await returned.Next("conversationAssigned", e => e.IsFor(id), ServingBound);
        Assert.Equal(agent.UserId, assigned.Str("agentId"));
    }

    /// <summary>One web node in its own process on a fresh database, restarted on the same address and ports.</summary>
    private sealed class LoneNode : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly Dictionary<string, string> _settings;
        private HubProcess _process;

        private LoneNode(TestDatabase database, Dictionary<string, string> settings, Uri address, HubProcess process)
        {
            (_database, _settings, Address, _process) = (database, settings, address, process);
            Api = new HubApi(address);
        }

        public Uri Address { get; }

        public HubApi Api { get; }

        public static async Task<LoneNode> Start()
        {
            var database = await TestDatabase.Create();
            var settings = ClusterNodes.WithOwnPorts(ClusterNodes.Settings(database));
            var address = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
            return new LoneNode(database, settings, address, await HubProcess.StartWeb(settings, address));
        }

        /// <summary>
        /// Kills the process (SIGKILL) and starts it again; the stopwatch runs from when the new
        /// process says it has started, so what it measures is the wait for the dead self, not how
        /// long a busy machine takes to start a process.
        /// </summary>
        public async Task<Stopwatch> KillAndRestart()
        {
            _process.Kill();
            await _process.DisposeAsync();
            _process = await HubProcess.StartWeb(_settings, Address);
            return Stopwatch.StartNew();
        }

        public async ValueTask DisposeAsync()
        {
            await _process.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
