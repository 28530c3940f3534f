using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Floor;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Simulations;
using Hub.LoadTests.Thresholds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hub.LoadTests.Tests;

/// <summary>
/// Connections that cannot be opened are counted by cause in the report, can fail a threshold,
/// and never stop the runner.
/// </summary>
public sealed class ConnectionFailureTests
{
    private const int Connections = 12;

    [Fact]
    public async Task Connections_a_full_hub_refuses_are_counted_in_the_report_and_fail_a_threshold_on_them()
    {
        await using var hub = await RefusingHub();
        var run = new ScenarioRun(new FloorEcho(new Uri(hub.Urls.First()), Connections, 16), [new KeepConstant(1, TimeSpan.FromMilliseconds(200))]);
        var settings = RunSettings.Default with
        {
            Thresholds = [Threshold.Parse("connect:refused=0")],
            RefreshEvery = TimeSpan.FromMilliseconds(100),
            DrainTimeout = TimeSpan.FromMilliseconds(100),
            ConnectRate = 200,
        };

        var outcome = await new LoadRunner(TimeProvider.System).Run([run], settings, _ => { }, CancellationToken.None);

        var connect = outcome.Steps.Single(s => s.Step == ConnectionFailures.Step);
        Assert.Equal(Connections, connect.Counters[ConnectionFailures.Refused]);
        Assert.Equal(0, connect.Counters[ConnectionFailures.Opened]);
        var threshold = Assert.Single(outcome.Thresholds);
        Assert.False(threshold.Passed);
        var report = new RunReport("floor-echo", hub.Urls.First(), "test", DateTimeOffset.UnixEpoch, outcome.MeasuredSeconds, 0,
            [], outcome.Steps, outcome.Timeline, outcome.Thresholds, null);
        Assert.Contains($"refused {Connections}", TextReport.Render(report));
    }

    [Fact]
    public async Task A_connection_reset_before_the_hub_answers_counts_as_reset()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var resetting = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            socket.LingerState = new LingerOption(true, 0);
        });
        using var client = new ContractClient(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Connect(null));

        await resetting;
        Assert.Equal(ConnectionFailures.Reset, ConnectionFailures.Cause(error));
    }

    [Fact]
    public void Causes_are_told_apart()
    {
        Assert.Equal(ConnectionFailures.Refused, ConnectionFailures.Cause(new ConnectionRefusedException(TimeSpan.FromSeconds(5))));
        Assert.Equal(ConnectionFailures.Timeout, ConnectionFailures.Cause(new TimeoutException()));
        Assert.Equal(ConnectionFailures.Reset,
            ConnectionFailures.Cause(new HttpRequestException("connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(ConnectionFailures.Reset,
            ConnectionFailures.Cause(new WebSocketException("connect", new SocketException((int)SocketError.NotConnected))));
        Assert.Equal(ConnectionFailures.Other, ConnectionFailures.Cause(new SocketException((int)SocketError.TooManyOpenSockets)));
    }

    /// <summary>A hub at its maximum: every connection is answered 503 with Retry-After.</summary>
    private static async Task<WebApplication> RefusingHub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(http =>
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }
}
