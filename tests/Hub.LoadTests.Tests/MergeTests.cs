using HdrHistogram;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Simulations;
using Microsoft.Extensions.Time.Testing;

namespace Hub.LoadTests.Tests;

/// <summary>What several runners measured merges into the figures one runner would have measured.</summary>
public sealed class MergeTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Merged_tallies_give_the_percentiles_of_every_latency_and_the_sum_of_every_count()
    {
        var first = Recorded(1, 50, counter: 2, gauge: 700);
        var second = Recorded(51, 100, counter: 3, gauge: 900);
        var merged = new Measurements(_clock);

        foreach (var tally in first.Tallies().Concat(second.Tallies()))
        {
            merged.Add(tally);
        }
        var step = merged.Snapshot(TimeSpan.FromSeconds(10)).Single();

        Assert.Equal(100, step.Ok);
        Assert.Equal(2, step.Fail);
        Assert.Equal(2, step.Errors["conflict"]);
        Assert.Equal(10, step.Rps, 0.001);
        Assert.Equal(1, step.Latency.Min, 0.01);
        Assert.Equal(50, step.Latency.P50, 0.1);
        Assert.Equal(99, step.Latency.P99, 0.1);
        Assert.Equal(5, step.Counters["lost"]);
        Assert.Equal(900, step.Counters["memory"]);
    }

    [Fact]
    public void An_encoded_histogram_decodes_to_the_same_values_and_a_broken_one_is_refused()
    {
        var tally = Recorded(1, 100, counter: 0, gauge: 0).Tallies().Single();

        var histogram = HistogramCodec.Decode(tally.Histogram);

        Assert.Equal(100, histogram.TotalCount);
        Assert.InRange(histogram.GetMaxValue(), 99_900, 100_100);
        Assert.Throws<FormatException>(() => HistogramCodec.Decode("bm90IGEgaGlzdG9ncmFt"));
    }

    [Fact]
    public void Shares_split_copies_in_whole_numbers_and_rates_evenly()
    {
        var shares = Enumerable.Range(0, 3).Select(i => new LoadShare(i, 3)).ToList();

        Assert.Equal([4, 3, 3], shares.Select(s => ((KeepConstant)s.Of(new KeepConstant(10, TimeSpan.FromSeconds(1)))).Copies));
        Assert.All(shares, s => Assert.Equal(2, ((Inject)s.Of(new Inject(6, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))).Rate));
        Assert.Equal(10, shares.Sum(s => s.Of(10L)));
        Assert.Throws<FormatException>(() => new LoadShare(3, 3).Validated());
    }

    private Measurements Recorded(int fromMs, int toMs, long counter, long gauge)
    {
        var measurements = new Measurements(_clock);
        measurements.StartRecording();
        var start = _clock.GetTimestamp();
        for (var ms = fromMs; ms <= toMs; ms++)
        {
            measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(ms));
        }
        measurements.Record("s", "send", start, TimeSpan.FromMilliseconds(1), errorCode: "conflict");
        measurements.Count("s", "send", "lost", counter);
        measurements.Gauge("s", "send", "memory", gauge);
        return measurements;
    }
}
