using System.Text.Json;
using Xunit.Abstractions;

namespace Hub.Web.Tests;

/// <summary>
/// A rolling restart, as an operator upgrades a cluster: each web node in turn is stopped with
/// SIGTERM and started again while a citizen keeps chatting. The citizen's page moves to the
/// other node when its own stops and sends again what was not acknowledged; in the end the
/// conversation holds every message once, in order.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SendDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Restarting_each_node_in_turn_under_a_chat_loses_and_doubles_nothing()
    {
        await using var database = await TestDatabase.Create();
        var cluster = ClusterNodes.Settings(database);
        // The citizen sends as fast as the nodes answer, far beyond a person's per-minute quota.
        cluster["Hub:Limits:Messages:Permits"] = "1000000";
        var nodes = new[] { ClusterNodes.WithOwnPorts(cluster), ClusterNodes.WithOwnPorts(cluster) };
        var addresses = nodes.Select(_ => new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}")).ToArray();
        var running = new HubProcess[2];
        running[0] = await HubProcess.StartWeb(nodes[0], addresses[0]);
        running[1] = await HubProcess.StartWeb(nodes[1], addresses[1]);
        try
        {
            var api = new HubApi(addresses[0]);
            var account = await api.Account("滚动重启测试");
            var citizen = new Chatter(addresses, (await api.Citizen("滚动市民")).Token);
            var conversationId = await citizen.Start(account);

            using var restarted = new CancellationTokenSource();
            var chatting = citizen.KeepSending(conversationId, restarted.Token);
            for (var i = 0; i < running.Length; i++)
            {
                var sentBefore = citizen.Acknowledged;
                var stopping = DateTimeOffset.UtcNow;
                Assert.Equal(0, await running[i].Stop(StopDeadline));
                var starting = DateTimeOffset.UtcNow;
                running[i] = await HubProcess.StartWeb(nodes[i], addresses[i]);
                output.WriteLine($"node {i + 1}: stopped in {(starting - stopping).TotalSeconds:0.0} s, started in {(DateTimeOffset.UtcNow - starting).TotalSeconds:0.0} s");
                await citizen.SentMoreThan(sentBefore + 3);
            }
            await restarted.CancelAsync();
            var sent = await chatting;

            var history = await LiveClient.UntilServed(addresses[1], citizen.Token,
                reader => reader.WholeHistory(conversationId), SendDeadline);
            Assert.Equal(Enumerable.Range(1, history.Length).Select(n => (long)n), history.Select(m => m.Long("seq")));
            Assert.Equal(sent, history.Select(m => m.Str("text")));
            Assert.True(citizen.Moves >= 2, $"the citizen moved node {citizen.Moves} times");
            output.WriteLine($"{sent.Count} messages acknowledged, {citizen.Moves} moves between nodes");
            foreach (var cause in citizen.Failures.GroupBy(f => f))
            {
                output.WriteLine($"{cause.Count()} x {cause.Key}");
            }
        }
        finally
        {
            foreach (var node in running)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>A citizen's page: one connection at a time, moved to the other node when it drops.</summary>
    private sealed class Chatter(Uri[] addresses, string token)
    {
        private readonly SemaphoreSlim _progress = new(0);
        private LiveClient? _client;
        private int _node;
        private int _acknowledged;

        public string Token => token;

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public int Moves { get; private set; }

        /// <summary>Why sends failed, for the test's output.</summary>
        public List<string> Failures { get; } = [];

        public async Task<string> Start(string account)
        {
            _client = await LiveClient.Connect(addresses[_node], token);
            return (await _client.Invoke<JsonElement>("StartConversation", account, "重启期间的咨询")).Str("conversationId");
        }

        /// <summary>Sends message after message until cancelled; answers the texts acknowledged, in order.</summary>
        public async Task<List<string>> KeepSending(string conversationId, CancellationToken stop)
        {
            var sent = new List<string>();
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var text = $"第 {n} 条";
                await SendUntilAcknowledged(conversationId, $"c-{n}", text);
                sent.Add(text);
                Interlocked.Increment(ref _acknowledged);
                _progress.Release();
            }
            return sent;
        }

        public async Task SentMoreThan(int count)
        {
            while (Acknowledged <= count)
            {
                Assert.True(await _progress.WaitAsync(SendDeadline), $"no message was acknowledged for {SendDeadline.TotalSeconds} s");
            }
        }

        /// <summary>Sends again with the same client message id until a node acknowledges it, moving node when one goes.</summary>
        private async Task SendUntilAcknowledged(string conversationId, string clientMessageId, string text)
        {
            var deadline = DateTimeOffset.UtcNow + SendDeadline;
            while (true)
            {
                try
                {
                    _client ??= await LiveClient.Connect(addresses[_node], token);
                    await _client.Invoke<JsonElement>("SendMessage", conversationId, clientMessageId, text);
                    return;
                }
                catch (Exception failure) when (DateTimeOffset.UtcNow < deadline)
                {
                    Failures.Add($"node {_node + 1}: {failure.GetType().Name} {failure.Message[..Math.Min(160, failure.Message.Length)]}");
                    if (_client is not null)
                    {
                        await _client.DisposeAsync();
                        _client = null;
                        _node = (_node + 1) % addresses.Length;
                        Moves++;
                    }
                    await Task.Delay(RetryPause);
                }
            }
        }
    }
}
