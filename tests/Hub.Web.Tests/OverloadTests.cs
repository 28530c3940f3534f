using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// A node offered more connections than its maximum: it refuses the rest at once with 503,
/// keeps serving those it admitted, and holds no more files or memory for the crowd it refused.
/// The node runs as a process of its own, so its open files and memory are its alone.
/// </summary>
public sealed class OverloadTests
{
    private const int Maximum = 200;
    private const int Crowd = 300;
    private const int RefusedStorm = 3000;

    /// <summary>Most memory the storm of refusals may leave behind: a few KB kept per refusal would exceed it.</summary>
    private const long RefusalMemoryBound = 48L * 1024 * 1024;

    [Fact]
    public async Task A_full_node_refuses_the_rest_with_503_and_keeps_serving_those_it_admitted()
    {
        var address = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
        await using var node = await HubProcess.StartWeb(Settings(), address);
        var api = new HubApi(address);
        var account = await api.Account();
        var agentToken = await api.Agent(account);
        var press = await api.Press(account);
        var eventId = await api.OpenEvent(press.Token, account, severity: 4);
        await using var agent = await LiveClient.Connect(address, agentToken.Token);
        await agent.Invoke("SetAvailability", account, true);
        await using var citizen = await LiveClient.Connect(address, (await api.Citizen()).Token);
        await using var officer = await LiveClient.Connect(address, press.Token);

        var attempts = await Task.WhenAll(Enumerable.Range(0, Crowd - 3).Select(_ => TryConnect(address)));
        var viewers = attempts.Where(a => a.Client is not null).Select(a => a.Client!).ToList();
        var refusals = attempts.Where(a => a.Error is not null).Select(a => a.Error!).ToList();
        Assert.Equal(Maximum - 3, viewers.Count);
        Assert.Equal(Crowd - Maximum, refusals.Count);
        Assert.All(refusals, error => Assert.Contains("503", error.Message));

        await Task.WhenAll(viewers.Select(v => v.Invoke<JsonElement>("FollowEvent", eventId)));
        var openFiles = OpenFiles(node);
        var memory = ResidentBytes(node);
        var started = Stopwatch.StartNew();
        await Refuse(address, RefusedStorm);

        // Those admitted keep chatting and following.
        var conversation = (await citizen.Invoke<JsonElement>("StartConversation", account, "高峰时段")).Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(conversation));
        await citizen.Invoke<JsonElement>("SendMessage", conversation, "c-1", "还在吗？");
        Assert.Equal("还在吗？", (await agent.Next("message", e => e.IsFor(conversation))).Str("text"));
        var draft = await officer.Invoke<JsonElement>("DraftStatement", eventId, "高峰期间服务正常");
        var seq = (await officer.Invoke<JsonElement>("PublishStatement", eventId, draft.Str("statementId"))).Long("seq");
        await Task.WhenAll(viewers.Select(v => v.Next("eventUpdate", e => e.Long("seq") == seq)));

        Assert.InRange(OpenFiles(node), 0, openFiles + 16);
        Assert.InRange(ResidentBytes(node) - memory, long.MinValue, RefusalMemoryBound);
        var reports = node.Lines.Count(l => l.Contains("Refused", StringComparison.Ordinal) && l.Contains("new connections", StringComparison.Ordinal));
        Assert.InRange(reports, 1, 1 + (int)(started.Elapsed / TimeSpan.FromSeconds(10)) + 1);

        // A place freed is a place taken.
        await viewers[0].DisposeAsync();
        await using var next = await Eventually(() => LiveClient.Connect(address, null));
        foreach (var viewer in viewers.Skip(1))
        {
            await viewer.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Settings() => new()
    {
        ["Hub:ClusterId"] = $"overload-{Guid.NewGuid():N}",
        ["Hub:SiloPort"] = HubAppFactory.FreePort().ToString(),
        ["Hub:GatewayPort"] = HubAppFactory.FreePort().ToString(),
        ["Hub:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Hub:Admin:Username"] = HubAppFactory.AdminUsername,
        ["Hub:Admin:Password"] = HubAppFactory.AdminPassword,
        ["Hub:Limits:MaxConnections"] = Maximum.ToString(),
        // The heap limit an operator sets (hexadecimal bytes, here 512 MB); the node serves within it.
        ["DOTNET_GCHeapHardLimit"] = "0x20000000",
    };

    private static async Task<(LiveClient? Client, Exception? Error)> TryConnect(Uri address)
    {
        try
        {
            return (await LiveClient.Connect(address, null), null);
        }
        catch (Exception error)
        {
            return (null, error);
        }
    }

    /// <summary>Many negotiations at a full node, each on a connection of its own as a crowd's would be; each must be refused at once.</summary>
    private static async Task Refuse(Uri address, int count)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, token) =>
        {
            using var response = await http.PostAsync("/hub/negotiate?negotiateVersion=1", null, token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.True(response.Headers.ConnectionClose);
        });
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> attempt)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                // The node counts the closed connection free once its request ends.
                await Task.Delay(100);
            }
        }
    }

    private static int OpenFiles(HubProcess node) => Directory.GetFiles($"/proc/{node.Id}/fd").Length;

    private static long ResidentBytes(HubProcess node) =>
        File.ReadLines($"/proc/{node.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kilobytes ? long.Parse(kilobytes) * 1024 : 0;
}
