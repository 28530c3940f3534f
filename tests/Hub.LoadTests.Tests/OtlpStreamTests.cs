using System.Text;
using Hub.LoadTests.CommandLine;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hub.LoadTests.Tests;

/// <summary>
/// A run with <c>--otlp</c> streams its figures to a collector while it goes: the collector
/// here is a loopback endpoint that takes OTLP/HTTP exports as the OpenTelemetry exporter sends them.
/// </summary>
[Collection(LoadTestNodeCollection.Name)]
public sealed class OtlpStreamTests(LoadTestNode node) : IDisposable
{
    private readonly string _reports = Directory.CreateTempSubdirectory("hub-load-otlp-").FullName;

    [Fact]
    public async Task A_run_streams_its_figures_to_the_collector_while_it_goes()
    {
        var exports = new Inbox<(string? ContentType, string Body)>();
        await using var collector = await LoopbackHost.Start(app => app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            // Protocol buffers keep strings as UTF-8 bytes, so names and attributes can be found in the body as text.
            await exports.Add((request.ContentType, Encoding.UTF8.GetString(body.ToArray())));
            return Results.Ok();
        }));

        var run = LoadTestCommand.Run(
            ["citizen-chat", .. node.TargetArgs, "--citizens", "2", "--duration", "6s", "--warmup", "0s", "--refresh", "500ms",
             "--drain", "1s", "--plain", "--report-dir", _reports, "--otlp", collector.BaseUrl],
            CancellationToken.None);

        var (contentType, during) = await NextWithSteps(exports);
        Assert.False(run.IsCompleted, "the first figures of the run arrived only after it ended");
        Assert.Equal("application/x-protobuf", contentType);
        Assert.Equal(ExitCodes.Passed, await run);
        foreach (var expected in new[] { "loadtest.step.requests", "loadtest.step.throughput", "loadtest.step.latency", "loadtest.run.elapsed",
                     "citizen-chat", "send", "loadtest.scenario", "hub-loadtests" })
        {
            Assert.Contains(expected, during);
        }
    }

    [Fact]
    public async Task A_collector_address_that_is_not_a_url_is_a_usage_error()
    {
        var exitCode = await LoadTestCommand.Run(
            ["citizen-chat", .. node.TargetArgs, "--duration", "1s", "--plain", "--report-dir", _reports, "--otlp", "collector:4318"],
            CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(Directory.GetFiles(_reports));
    }

    public void Dispose() => Directory.Delete(_reports, recursive: true);

    /// <summary>Exports made while the scenario set up carry no step yet.</summary>
    private static async Task<(string? ContentType, string Body)> NextWithSteps(Inbox<(string? ContentType, string Body)> exports)
    {
        while (true)
        {
            var export = await exports.Next(TimeSpan.FromSeconds(60));
            if (export.Body.Contains("loadtest.step.requests"))
            {
                return export;
            }
        }
    }
}
