using Hub.LoadTests.Simulations;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Runner;

/// <summary>
/// Sets the scenarios up, warms them up, runs their load simulations side by side while the
/// live view refreshes and the thresholds are checked, then lets the pushes drain and hands
/// back the figures. Scenarios are disposed at the end.
/// </summary>
public sealed class LoadRunner(TimeProvider clock)
{
    public async Task<RunOutcome> Run(
        IReadOnlyList<ScenarioRun> runs, RunSettings settings, Action<LiveStatus> show, CancellationToken cancellationToken)
    {
        var measurements = new Measurements(clock);
        var contexts = runs.Select(r => new ScenarioContext(r.Scenario.Name, measurements, settings.ConnectRate)).ToList();
        var monitor = new ThresholdMonitor(settings.Thresholds);
        var timeline = new List<IntervalSample>();
        try
        {
            show(new LiveStatus("setting up", 0, [], []));
            for (var i = 0; i < runs.Count; i++)
            {
                await runs[i].Scenario.Init(contexts[i], cancellationToken);
            }
            var startedAt = clock.GetUtcNow();
            if (settings.WarmUp > TimeSpan.Zero)
            {
                show(new LiveStatus("warming up", 0, [], []));
                await Drive(runs, contexts, run => WarmUpPlan(run.Simulations, settings.WarmUp), cancellationToken);
            }

            measurements.StartRecording();
            using var refreshing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var refresher = Refresh(measurements, monitor, timeline, settings.RefreshEvery, show, refreshing.Token);
            await Drive(runs, contexts, run => run.Simulations, cancellationToken);
            measurements.StopStarting();

            show(new LiveStatus("draining", measurements.Measured.TotalSeconds, measurements.Snapshot(), monitor.FailedSoFar()));
            using var drain = new CancellationTokenSource(settings.DrainTimeout, clock);
            using var draining = CancellationTokenSource.CreateLinkedTokenSource(drain.Token, cancellationToken);
            await Task.WhenAll(runs.Select(run => run.Scenario.Finish(draining.Token)));
            await refreshing.CancelAsync();
            await refresher;

            var measured = measurements.Measured.TotalSeconds;
            timeline.AddRange(measurements.TakeInterval().Where(s => s.Ok + s.Fail > 0));
            var steps = measurements.Snapshot();
            var outcomes = monitor.CheckAtEnd(steps, measured);
            show(new LiveStatus("done", measured, steps, [.. outcomes.Where(o => !o.Passed).Select(o => o.Threshold.Text)]));
            return new RunOutcome(startedAt, measured, steps, timeline, outcomes, measurements.Tallies());
        }
        finally
        {
            foreach (var run in runs)
            {
                await run.Scenario.DisposeAsync();
            }
        }
    }

    /// <summary>The warm-up runs the shape of the first phase that carries load, for the warm-up's length.</summary>
    public static IReadOnlyList<LoadSimulation> WarmUpPlan(IReadOnlyList<LoadSimulation> simulations, TimeSpan warmUp) =>
        simulations.FirstOrDefault(s => s is not Pause) switch
        {
            KeepConstant keep => [new KeepConstant(keep.Copies, warmUp)],
            RampingConstant ramp => [new KeepConstant(ramp.Copies, warmUp)],
            IterationsForConstant count => [new KeepConstant(count.Copies, warmUp)],
            Inject inject => [new Inject(inject.Rate, inject.Interval, warmUp)],
            RampingInject ramp => [new Inject(ramp.Rate, ramp.Interval, warmUp)],
            _ => [new Pause(warmUp)],
        };

    private async Task Drive(
        IReadOnlyList<ScenarioRun> runs, List<ScenarioContext> contexts, Func<ScenarioRun, IReadOnlyList<LoadSimulation>> plan,
        CancellationToken cancellationToken)
    {
        var drivers = runs.Select((run, i) =>
        {
            var context = contexts[i];
            long number = -1;
            return new SimulationDriver(clock).Run(plan(run), (intended, copy, token) =>
                Iterate(run.Scenario, new Iteration(context, Interlocked.Increment(ref number), copy, intended), token), cancellationToken);
        });
        await Task.WhenAll(drivers);
    }

    /// <summary>A scenario's own failure to run an iteration is counted, never allowed to stop the others.</summary>
    private static async Task Iterate(ILoadScenario scenario, Iteration iteration, CancellationToken cancellationToken)
    {
        try
        {
            await scenario.Iterate(iteration, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            iteration.Context.Failed("iteration", iteration.IntendedStart, ErrorCodes.Classify(error));
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // A cancelled run reports nothing further.
        }
    }

    private async Task Refresh(
        Measurements measurements, ThresholdMonitor monitor, List<IntervalSample> timeline, TimeSpan every,
        Action<LiveStatus> show, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                timeline.AddRange(measurements.TakeInterval());
                var steps = measurements.Snapshot();
                var elapsed = measurements.Measured.TotalSeconds;
                monitor.CheckDuringRun(steps, elapsed);
                show(new LiveStatus("running", elapsed, steps, monitor.FailedSoFar()));
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over; the final snapshot follows.
        }
    }
}
