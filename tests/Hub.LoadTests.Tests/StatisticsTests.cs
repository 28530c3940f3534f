using Hub.LoadTests.Runner;
using Microsoft.Extensions.Time.Testing;

namespace Hub.LoadTests.Tests;

public sealed class StatisticsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Percentiles_and_moments_come_from_every_recorded_latency()
    {
        var measurements = new Measurements(_clock);
        measurements.StartRecording();
        var start = _clock.GetTimestamp();
        for (var ms = 1; ms <= 100; ms++)
        {
            measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(ms), bytes: 10);
        }

        var latency = measurements.Snapshot().Single().Latency;

        Assert.Equal(1, latency.Min, 0.01);
        Assert.Equal(100, latency.Max, 0.1);
        Assert.Equal(50.5, latency.Mean, 0.1);
        Assert.Equal(50, latency.P50, 0.1);
        Assert.Equal(75, latency.P75, 0.1);
        Assert.Equal(95, latency.P95, 0.1);
        Assert.Equal(99, latency.P99, 0.1);
        Assert.Equal(100, latency.P999, 0.1);
        Assert.Equal(28.87, latency.StdDev, 0.1);
    }

    [Fact]
    public void Rps_is_successful_answers_per_measured_second_and_failures_are_counted_by_code()
    {
        var measurements = new Measurements(_clock);
        measurements.StartRecording();
        var start = _clock.GetTimestamp();
        for (var i = 0; i < 50; i++)
        {
            measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(5), bytes: 100);
        }
        measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(5), errorCode: "rate_limited");
        measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(5), errorCode: "rate_limited");
        measurements.Record("s", "send", start, TimeSpan.FromSeconds(30), errorCode: ErrorCodes.Timeout);
        _clock.Advance(TimeSpan.FromSeconds(10));
        measurements.StopStarting();
        _clock.Advance(TimeSpan.FromSeconds(5));

        var step = measurements.Snapshot().Single();

        Assert.Equal((50L, 3L), (step.Ok, step.Fail));
        Assert.Equal(5, step.Rps, 0.001);
        Assert.Equal(100.0 * 3 / 53, step.FailPercent, 0.001);
        Assert.Equal(5000, step.Bytes);
        Assert.Equal(new Dictionary<string, long> { ["rate_limited"] = 2, ["timeout"] = 1 }, step.Errors);
        Assert.Equal(5, step.Latency.Max, 0.01);
    }

    [Fact]
    public void Only_calls_started_in_the_measured_window_count_but_counters_always_do()
    {
        var measurements = new Measurements(_clock);
        var warmUpCall = _clock.GetTimestamp();
        measurements.Record("s", "send", warmUpCall, TimeSpan.FromMilliseconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        measurements.StartRecording();
        var measuredCall = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(1));
        measurements.StopStarting();
        var lateCall = _clock.GetTimestamp();

        measurements.Record("s", "send", warmUpCall, TimeSpan.FromSeconds(1));
        measurements.Record("s", "send", measuredCall, TimeSpan.FromMilliseconds(7));
        measurements.Record("s", "send", lateCall, TimeSpan.FromMilliseconds(1));
        measurements.Count("s", "send", "lost", 2);

        var step = measurements.Snapshot().Single();
        Assert.Equal(1, step.Ok);
        Assert.Equal(7, step.Latency.P50, 0.01);
        Assert.Equal(2, step.Counters["lost"]);
    }

    [Fact]
    public void An_interval_sample_holds_only_what_happened_since_the_previous_one()
    {
        var measurements = new Measurements(_clock);
        measurements.StartRecording();
        for (var i = 0; i < 20; i++)
        {
            measurements.Record("s", "send", _clock.GetTimestamp(), TimeSpan.FromMilliseconds(2));
        }
        _clock.Advance(TimeSpan.FromSeconds(2));
        var first = measurements.TakeInterval().Single();
        measurements.Record("s", "send", _clock.GetTimestamp(), TimeSpan.FromMilliseconds(40));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = measurements.TakeInterval().Single();

        Assert.Equal((20L, 10.0, 2.0, 2.0), (first.Ok, first.Rps, Math.Round(first.P99, 1), first.ElapsedSeconds));
        Assert.Equal((1L, 1.0, 40.0, 3.0), (second.Ok, second.Rps, Math.Round(second.P99), second.ElapsedSeconds));
    }

    [Theory]
    [InlineData("An unexpected error occurred invoking 'UpvoteQuestion' on the server. HubException: conflict: already voted", "conflict")]
    [InlineData("HubException: rate_limited: at most 30 votes per 60 seconds", "rate_limited")]
    [InlineData("bad_request: eventId is required", "bad_request")]
    [InlineData("Something else went wrong", "hub_error")]
    public void A_hub_error_is_named_by_the_contract_code_before_its_colon(string message, string code) =>
        Assert.Equal(code, ErrorCodes.FromHubMessage(message));

    [Fact]
    public void Errors_below_the_contract_are_named_by_what_failed()
    {
        Assert.Equal(ErrorCodes.Timeout, ErrorCodes.Classify(new TaskCanceledException()));
        Assert.Equal(ErrorCodes.Timeout, ErrorCodes.Classify(new TimeoutException()));
        Assert.Equal(ErrorCodes.Transport, ErrorCodes.Classify(new IOException("reset")));
        Assert.Equal(ErrorCodes.Transport, ErrorCodes.Classify(new InvalidOperationException("not active")));
        Assert.Equal("forbidden", ErrorCodes.Classify(new Microsoft.AspNetCore.SignalR.HubException("HubException: forbidden: press only")));
    }
}
