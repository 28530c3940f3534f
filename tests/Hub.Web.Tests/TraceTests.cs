using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Hub.Web.Tests;

/// <summary>
/// A node that exports traces records a citizen's hub call, the grain calls it makes, the
/// PostgreSQL statements they run and the pushes they publish on Redis as one trace, so an
/// operator can follow a slow message.
/// </summary>
public sealed class TraceTests
{
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_hub_call_its_grain_calls_and_their_statements_share_one_trace()
    {
        await using var database = await TestDatabase.Create();
        using var redis = await RedisServer.Start();
        var spans = new List<Activity>();
        await using var node = new HubAppFactory(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                // Nothing listens there: the exporter under test is the in-memory one.
                [Hub.Realtime.Hosting.NodeTelemetryExtensions.OtlpEndpointSetting] = $"http://127.0.0.1:{HubAppFactory.FreePort()}",
            },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var api = new HubApi(node.Address);
        var account = await api.Account("追踪测试热线");
        await using var citizen = await LiveClient.Connect(api.Address, (await api.Citizen("追踪市民")).Token);

        var started = await citizen.Invoke<JsonElement>("StartConversation", account, "追踪一条消息");
        await citizen.Invoke<JsonElement>("SendMessage", started.Str("conversationId"), "trace-1", "这条消息的推送也在追踪里");
        var provider = node.Services.GetRequiredService<TracerProvider>();

        var start = await Trace(provider, spans, "/StartConversation", trace =>
            trace.Any(s => s.Source.Name == "Microsoft.AspNetCore.SignalR.Server")
            && trace.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("ConversationGrain", StringComparison.Ordinal))
            && trace.Any(s => s.Source.Name == "Npgsql"));
        // The message is pushed to the citizen's connections, published on the Redis backplane.
        var send = await Trace(provider, spans, "/SendMessage", trace =>
            trace.Any(s => s.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal)));

        Assert.True(start.Complete, "the trace lacks a part: " + start.Parts);
        Assert.True(send.Complete, "the trace lacks the push: " + send.Parts);
    }

    /// <summary>
    /// Waits for a trace of the hub call whose span name ends so to hold all its parts. Other
    /// tests' nodes run in this process too and their hub calls reach this listener as well, so
    /// every trace with such a call counts, and the fullest is told when none is complete.
    /// </summary>
    private static async Task<(bool Complete, string Parts)> Trace(TracerProvider provider, List<Activity> spans, string call, Func<Activity[], bool> complete)
    {
        var deadline = DateTimeOffset.UtcNow + ExportDeadline;
        Activity[][] traces;
        do
        {
            Assert.True(provider.ForceFlush(), "the tracer provider did not flush");
            lock (spans)
            {
                traces = [.. spans.Where(s => s.DisplayName.EndsWith(call, StringComparison.Ordinal))
                    .Select(root => spans.Where(s => s.TraceId == root.TraceId).ToArray())];
            }
        }
        while (!traces.Any(complete) && DateTimeOffset.UtcNow < deadline && await Pause());
        var fullest = traces.OrderByDescending(t => t.Length).FirstOrDefault() ?? [];
        return (traces.Any(complete), string.Join(", ", fullest.Select(s => $"{s.Source.Name}:{s.DisplayName}")));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        return true;
    }
}
