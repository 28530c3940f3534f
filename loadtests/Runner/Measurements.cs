using System.Collections.Concurrent;

namespace Hub.LoadTests.Runner;

/// <summary>
/// Where every step of every scenario records what it measured. Only calls that start inside
/// the measured window count, so warm-up traffic and set-up are left out, while a push that
/// arrives after the load stopped still counts for the send that caused it.
/// </summary>
public sealed class Measurements(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Scenario, string Step), StepStatistics> _steps = new();
    private long _from = long.MaxValue;
    private long _until = long.MaxValue;
    private long _intervalStart;

    public TimeProvider Clock => clock;

    /// <summary>When the measured window opened, as a clock timestamp.</summary>
    public long StartedAt => Interlocked.Read(ref _from);

    public void StartRecording()
    {
        var now = clock.GetTimestamp();
        Interlocked.Exchange(ref _intervalStart, now);
        Interlocked.Exchange(ref _from, now);
    }

    /// <summary>Calls that start from now on are no longer counted; those already started still are.</summary>
    public void StopStarting() => Interlocked.Exchange(ref _until, clock.GetTimestamp());

    /// <summary>How long the load ran in the measured window (up to now while it still runs).</summary>
    public TimeSpan Measured
    {
        get
        {
            var from = StartedAt;
            if (from == long.MaxValue)
            {
                return TimeSpan.Zero;
            }
            var until = Interlocked.Read(ref _until);
            return clock.GetElapsedTime(from, until == long.MaxValue ? clock.GetTimestamp() : until);
        }
    }

    public bool Counts(long startTimestamp) => startTimestamp >= StartedAt && startTimestamp < Interlocked.Read(ref _until);

    public void Record(string scenario, string step, long startTimestamp, TimeSpan latency, long bytes = 0, string? errorCode = null)
    {
        if (Counts(startTimestamp))
        {
            Statistics(scenario, step).Record(latency, bytes, errorCode);
        }
    }

    /// <summary>Adds to a named counter of a step (lost, duplicated, ...); counters are not windowed.</summary>
    public void Count(string scenario, string step, string counter, long amount = 1) =>
        Statistics(scenario, step).Count(counter, amount);

    /// <summary>Sets a reading of a step (e.g. the server's memory); not windowed, the last one set counts.</summary>
    public void Gauge(string scenario, string step, string gauge, long value) => Statistics(scenario, step).Gauge(gauge, value);

    /// <summary>Adds what another runner measured (an agent's share of the run) to these figures.</summary>
    public void Add(StepTally tally) => Statistics(tally.Scenario, tally.Step).Add(tally);

    /// <summary>Makes a step show up in the report even before (or without) any measurement.</summary>
    public void Declare(string scenario, string step) => Statistics(scenario, step);

    public IReadOnlyList<StepSnapshot> Snapshot() => Snapshot(Measured);

    /// <summary>The figures with rates over the given measured time (for figures merged from other runners).</summary>
    public IReadOnlyList<StepSnapshot> Snapshot(TimeSpan measured)
    {
        return [.. _steps.OrderBy(s => s.Key.Scenario, StringComparer.Ordinal).ThenBy(s => s.Key.Step, StringComparer.Ordinal)
            .Select(s => s.Value.Snapshot(s.Key.Scenario, s.Key.Step, measured))];
    }

    public IReadOnlyList<StepTally> Tallies() =>
        [.. _steps.OrderBy(s => s.Key.Scenario, StringComparer.Ordinal).ThenBy(s => s.Key.Step, StringComparer.Ordinal)
            .Select(s => s.Value.Tally(s.Key.Scenario, s.Key.Step))];

    /// <summary>Closes the current reporting interval of every step.</summary>
    public IReadOnlyList<IntervalSample> TakeInterval()
    {
        var now = clock.GetTimestamp();
        var length = clock.GetElapsedTime(Interlocked.Exchange(ref _intervalStart, now), now);
        var elapsed = StartedAt == long.MaxValue ? TimeSpan.Zero : clock.GetElapsedTime(StartedAt, now);
        return [.. _steps.OrderBy(s => s.Key.Scenario, StringComparer.Ordinal).ThenBy(s => s.Key.Step, StringComparer.Ordinal)
            .Select(s => s.Value.TakeInterval(s.Key.Scenario, s.Key.Step, elapsed, length))];
    }

    private StepStatistics Statistics(string scenario, string step) => _steps.GetOrAdd((scenario, step), _ => new StepStatistics());
}
