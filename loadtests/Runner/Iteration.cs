namespace Hub.LoadTests.Runner;

/// <summary>
/// One run of a scenario's body. In the open model the first step is timed from when the
/// iteration was meant to start, not from when the runner got to it, so a hub that falls behind
/// shows up in the latency instead of slowing the senders (no coordinated omission).
/// </summary>
public sealed class Iteration(ScenarioContext context, long number, int copy, long intendedStart)
{
    private long _pendingStart = intendedStart;

    public ScenarioContext Context => context;

    /// <summary>Counts iterations of this scenario from 0.</summary>
    public long Number => number;

    /// <summary>The closed-model copy running it, or -1 in the open model.</summary>
    public int Copy => copy;

    public long IntendedStart { get; } = intendedStart;

    public Task<StepResult<T>> Step<T>(string step, Func<Task<T>> call, Func<T, long>? bytes = null)
    {
        var start = Interlocked.Exchange(ref _pendingStart, 0);
        return context.Step(step, call, bytes, start == 0 ? null : start);
    }
}
