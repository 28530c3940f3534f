using System.Collections.Concurrent;

namespace Hub.LoadTests.Simulations;

/// <summary>
/// Runs the phases of a load plan one after the other on the given clock, calling the body
/// for each iteration with the moment it was meant to start and the copy that runs it
/// (-1 in the open model). Iterations still running when their phase ends are awaited at the end.
/// </summary>
public sealed class SimulationDriver(TimeProvider clock)
{
    public delegate Task Body(long intendedStart, int copy, CancellationToken cancellationToken);

    /// <summary>How often the closed model looks at how many copies it should have.</summary>
    public static readonly TimeSpan CopyCheckPeriod = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly List<Copy> _copies = [];
    private long _iterations;

    /// <summary>Iterations started so far.</summary>
    public long Started => Interlocked.Read(ref _iterations);

    public async Task Run(IReadOnlyList<LoadSimulation> phases, Body body, CancellationToken cancellationToken)
    {
        var copies = 0;
        var rate = 0.0;
        foreach (var phase in phases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (phase)
            {
                case KeepConstant keep:
                    await RunClosed(keep.Copies, keep.Copies, keep.Duration, body, cancellationToken);
                    (copies, rate) = (keep.Copies, 0);
                    break;
                case RampingConstant ramp:
                    await RunClosed(copies, ramp.Copies, ramp.Duration, body, cancellationToken);
                    (copies, rate) = (ramp.Copies, 0);
                    break;
                case IterationsForConstant count:
                    await RunCounted(count, body, cancellationToken);
                    (copies, rate) = (count.Copies, 0);
                    break;
                case Inject inject:
                    StopCopies();
                    await RunOpen(inject.Rate, inject.Rate, inject.Interval, inject.Duration, body, cancellationToken);
                    (copies, rate) = (0, inject.Rate);
                    break;
                case RampingInject ramp:
                    StopCopies();
                    await RunOpen(rate, ramp.Rate, ramp.Interval, ramp.Duration, body, cancellationToken);
                    (copies, rate) = (0, ramp.Rate);
                    break;
                case Pause pause:
                    StopCopies();
                    await Wait(pause.Duration, cancellationToken);
                    (copies, rate) = (0, 0);
                    break;
            }
        }
        StopCopies();
        await WhenIdle();
    }

    private async Task RunClosed(int fromCopies, int toCopies, TimeSpan during, Body body, CancellationToken cancellationToken)
    {
        var start = clock.GetTimestamp();
        while (true)
        {
            var elapsed = clock.GetElapsedTime(start);
            if (elapsed >= during)
            {
                return;
            }
            SetCopies(InjectionSchedule.CopiesAt(fromCopies, toCopies, elapsed, during), body, cancellationToken);
            var left = during - elapsed;
            await Wait(left < CopyCheckPeriod ? left : CopyCheckPeriod, cancellationToken);
        }
    }

    private async Task RunCounted(IterationsForConstant phase, Body body, CancellationToken cancellationToken)
    {
        StopCopies();
        var remaining = phase.Iterations;
        var workers = Enumerable.Range(0, phase.Copies).Select(async copy =>
        {
            await Task.Yield();
            while (Interlocked.Decrement(ref remaining) >= 0 && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _iterations);
                await body(clock.GetTimestamp(), copy, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
    }

    private async Task RunOpen(double fromRate, double toRate, TimeSpan interval, TimeSpan during, Body body, CancellationToken cancellationToken)
    {
        var start = clock.GetTimestamp();
        var ticksPerSecond = clock.TimestampFrequency;
        foreach (var offset in InjectionSchedule.Offsets(fromRate, toRate, interval, during))
        {
            var due = start + (long)Math.Round(offset.Ticks * (double)ticksPerSecond / TimeSpan.TicksPerSecond);
            var wait = clock.GetElapsedTime(clock.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Wait(wait, cancellationToken);
            }
            Interlocked.Increment(ref _iterations);
            Track(body(due, -1, cancellationToken));
        }
        var rest = during - clock.GetElapsedTime(start);
        if (rest > TimeSpan.Zero)
        {
            await Wait(rest, cancellationToken);
        }
    }

    private void SetCopies(int target, Body body, CancellationToken cancellationToken)
    {
        while (_copies.Count < target)
        {
            var copy = new Copy(_copies.Count);
            _copies.Add(copy);
            Track(RunCopy(copy, body, cancellationToken));
        }
        while (_copies.Count > target)
        {
            _copies[^1].Stop.Cancel();
            _copies.RemoveAt(_copies.Count - 1);
        }
    }

    private async Task RunCopy(Copy copy, Body body, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!copy.Stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _iterations);
            await body(clock.GetTimestamp(), copy.Index, cancellationToken);
        }
    }

    private void StopCopies() => SetCopies(0, (_, _, _) => Task.CompletedTask, CancellationToken.None);

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task WhenIdle()
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys);
        }
    }

    private Task Wait(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, clock, cancellationToken);

    private sealed record Copy(int Index)
    {
        public CancellationTokenSource Stop { get; } = new();
    }
}
