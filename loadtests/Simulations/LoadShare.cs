namespace Hub.LoadTests.Simulations;

/// <summary>
/// The part of a run one of several runners makes (agent Index of Count): its share of the
/// copies (whole copies, the remainder going to the first runners) and of the rates of every
/// phase, and of the things a scenario counts out as its load (e.g. connections to hold).
/// </summary>
public sealed record LoadShare(int Index, int Count)
{
    public static readonly LoadShare Whole = new(0, 1);

    public LoadShare Validated() =>
        Count >= 1 && Index >= 0 && Index < Count ? this : throw new FormatException($"share {Index} of {Count} does not exist");

    public int Of(int total) => total / Count + (Index < total % Count ? 1 : 0);

    public long Of(long total) => total / Count + (Index < total % Count ? 1 : 0);

    public double Of(double rate) => rate / Count;

    public LoadSimulation Of(LoadSimulation simulation) => Count == 1 ? simulation : simulation switch
    {
        KeepConstant keep => keep with { Copies = Of(keep.Copies) },
        RampingConstant ramp => ramp with { Copies = Of(ramp.Copies) },
        IterationsForConstant count => new IterationsForConstant(Math.Max(1, Of(count.Copies)), Of(count.Iterations)),
        Inject inject => inject with { Rate = Of(inject.Rate) },
        RampingInject ramp => ramp with { Rate = Of(ramp.Rate) },
        _ => simulation,
    };
}
