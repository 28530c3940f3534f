namespace Hub.LoadTests.Simulations;

/// <summary>
/// One phase of load, in NBomber's terms. The closed model keeps a number of copies of the
/// scenario each running one iteration after another; the open model starts iterations at a
/// rate whether or not earlier ones have finished.
/// </summary>
public abstract record LoadSimulation
{
    /// <summary>How long the phase lasts; null when it ends by count (IterationsForConstant).</summary>
    public abstract TimeSpan? During { get; }

    public bool IsOpen => this is Inject or RampingInject;
}

/// <summary>Closed: this many copies for the whole phase.</summary>
public sealed record KeepConstant(int Copies, TimeSpan Duration) : LoadSimulation
{
    public override TimeSpan? During => Duration;

    public override string ToString() => $"keep-constant {Copies} copies for {Durations.Format(Duration)}";
}

/// <summary>Closed: copies move linearly from the previous phase's number to this one.</summary>
public sealed record RampingConstant(int Copies, TimeSpan Duration) : LoadSimulation
{
    public override TimeSpan? During => Duration;

    public override string ToString() => $"ramping-constant to {Copies} copies over {Durations.Format(Duration)}";
}

/// <summary>Closed: this many copies share a fixed number of iterations.</summary>
public sealed record IterationsForConstant(int Copies, long Iterations) : LoadSimulation
{
    public override TimeSpan? During => null;

    public override string ToString() => $"iterations-for-constant {Copies} copies, {Iterations} iterations";
}

/// <summary>Open: Rate iterations every Interval, spread evenly.</summary>
public sealed record Inject(double Rate, TimeSpan Interval, TimeSpan Duration) : LoadSimulation
{
    public override TimeSpan? During => Duration;

    public override string ToString() => $"inject {Rate:0.##} per {Durations.Format(Interval)} for {Durations.Format(Duration)}";
}

/// <summary>Open: the rate moves linearly from the previous phase's rate to this one.</summary>
public sealed record RampingInject(double Rate, TimeSpan Interval, TimeSpan Duration) : LoadSimulation
{
    public override TimeSpan? During => Duration;

    public override string ToString() => $"ramping-inject to {Rate:0.##} per {Durations.Format(Interval)} over {Durations.Format(Duration)}";
}

/// <summary>No load for a while.</summary>
public sealed record Pause(TimeSpan Duration) : LoadSimulation
{
    public override TimeSpan? During => Duration;

    public override string ToString() => $"pause {Durations.Format(Duration)}";
}
