using HdrHistogram;

namespace Hub.LoadTests.Runner;

/// <summary>
/// The running tally of one step: latencies of successful calls in HdrHistograms (microseconds,
/// three significant digits), one for the whole run and one for the current interval.
/// </summary>
internal sealed class StepStatistics
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;

    private readonly Lock _gate = new();
    private readonly LongHistogram _all = NewHistogram();
    private readonly LongHistogram _interval = NewHistogram();
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _gauges = new(StringComparer.Ordinal);
    private long _ok;
    private long _fail;
    private long _bytes;
    private long _min = long.MaxValue;
    private long _intervalOk;
    private long _intervalFail;

    public void Record(TimeSpan latency, long bytes, string? errorCode)
    {
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds);
        lock (_gate)
        {
            _bytes += bytes;
            if (errorCode is null)
            {
                _ok++;
                _intervalOk++;
                _min = Math.Min(_min, micros);
                _all.RecordValue(micros);
                _interval.RecordValue(micros);
            }
            else
            {
                _fail++;
                _intervalFail++;
                _errors[errorCode] = _errors.GetValueOrDefault(errorCode) + 1;
            }
        }
    }

    public void Count(string counter, long amount)
    {
        lock (_gate)
        {
            _counters[counter] = _counters.GetValueOrDefault(counter) + amount;
        }
    }

    /// <summary>Sets a reading (e.g. the server's memory); the last one set is the one reported.</summary>
    public void Gauge(string gauge, long value)
    {
        lock (_gate)
        {
            _gauges[gauge] = value;
        }
    }

    /// <summary>Adds what another runner recorded for the same step: counts and counters add up, histograms merge, gauges keep the highest.</summary>
    public void Add(StepTally tally)
    {
        var histogram = HistogramCodec.Decode(tally.Histogram);
        lock (_gate)
        {
            _ok += tally.Ok;
            _fail += tally.Fail;
            _bytes += tally.Bytes;
            _min = Math.Min(_min, tally.MinMicroseconds);
            _all.Add(histogram);
            AddAll(_errors, tally.Errors, (a, b) => a + b);
            AddAll(_counters, tally.Counters, (a, b) => a + b);
            AddAll(_gauges, tally.Gauges, Math.Max);
        }
    }

    public StepTally Tally(string scenario, string step)
    {
        lock (_gate)
        {
            return new StepTally(scenario, step, _ok, _fail, _bytes, _min, HistogramCodec.Encode(_all),
                new Dictionary<string, long>(_errors), new Dictionary<string, long>(_counters), new Dictionary<string, long>(_gauges));
        }
    }

    public StepSnapshot Snapshot(string scenario, string step, TimeSpan measured)
    {
        lock (_gate)
        {
            var seconds = measured.TotalSeconds;
            return new StepSnapshot(scenario, step, _ok, _fail, seconds > 0 ? _ok / seconds : 0, Summarize(_all, _min), _bytes,
                new Dictionary<string, long>(_errors), _counters.Concat(_gauges).ToDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>Closes the current interval and starts the next one.</summary>
    public IntervalSample TakeInterval(string scenario, string step, TimeSpan elapsed, TimeSpan length)
    {
        lock (_gate)
        {
            var seconds = length.TotalSeconds;
            var sample = new IntervalSample(scenario, step, elapsed.TotalSeconds, _intervalOk, _intervalFail,
                seconds > 0 ? _intervalOk / seconds : 0,
                Milliseconds(_interval, 50), Milliseconds(_interval, 95), Milliseconds(_interval, 99),
                _interval.TotalCount == 0 ? 0 : _interval.GetMaxValue() / 1000.0);
            _interval.Reset();
            _intervalOk = 0;
            _intervalFail = 0;
            return sample;
        }
    }

    private static void AddAll(Dictionary<string, long> into, IReadOnlyDictionary<string, long> from, Func<long, long, long> combine)
    {
        foreach (var (name, value) in from)
        {
            into[name] = into.TryGetValue(name, out var existing) ? combine(existing, value) : value;
        }
    }

    private static LatencySummary Summarize(LongHistogram histogram, long min) =>
        histogram.TotalCount == 0
            ? LatencySummary.Empty
            : new LatencySummary(
                min / 1000.0, histogram.GetMean() / 1000.0, histogram.GetMaxValue() / 1000.0, histogram.GetStdDeviation() / 1000.0,
                Milliseconds(histogram, 50), Milliseconds(histogram, 75), Milliseconds(histogram, 95),
                Milliseconds(histogram, 99), Milliseconds(histogram, 99.9));

    private static double Milliseconds(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private static LongHistogram NewHistogram() => new(HighestMicroseconds, 3);
}
