using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Hub.Web.Tests;

/// <summary>
/// A node that exports traces records a citizen's hub call, the grain calls it makes and the
/// PostgreSQL statements they run as one trace, so an operator can follow a slow message.
/// </summary>
public sealed class TraceTests
{
    private static readonly TimeSpan ExportDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_hub_call_its_grain_calls_and_their_statements_share_one_trace()
    {
        await using var database = await TestDatabase.Create();
        var spans = new List<Activity>();
        await using var node = new HubAppFactory(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                // Nothing listens there: the exporter under test is the in-memory one.
                [Hub.Web.Hosting.TelemetryExtensions.OtlpEndpointSetting] = $"http://127.0.0.1:{HubAppFactory.FreePort()}",
            },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var api = new HubApi(node.Address);
        var account = await api.Account("追踪测试热线");
        await using var citizen = await LiveClient.Connect(api.Address, (await api.Citizen("追踪市民")).Token);

        var started = await citizen.Invoke<JsonElement>("StartConversation", account, "追踪一条消息");
        var provider = node.Services.GetRequiredService<TracerProvider>();

        var deadline = DateTimeOffset.UtcNow + ExportDeadline;
        Activity[] trace;
        do
        {
            Assert.True(provider.ForceFlush(), "the tracer provider did not flush");
            lock (spans)
            {
                trace = spans.FirstOrDefault(s => s.DisplayName.EndsWith("/StartConversation", StringComparison.Ordinal)) is { } call
                    ? [.. spans.Where(s => s.TraceId == call.TraceId)]
                    : [];
            }
        }
        while (!Complete(trace) && DateTimeOffset.UtcNow < deadline && await Pause());

        Assert.False(string.IsNullOrEmpty(started.Str("conversationId")));
        Assert.True(Complete(trace), "the trace lacks a part: " + string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}")));
    }

    private static bool Complete(Activity[] trace) =>
        trace.Any(s => s.Source.Name == "Microsoft.AspNetCore.SignalR.Server")
        && trace.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("ConversationGrain", StringComparison.Ordinal))
        && trace.Any(s => s.Source.Name == "Npgsql");

    private static async Task<bool> Pause()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        return true;
    }
}
