using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.CommandLine;

/// <summary>
/// The load the command line asks for: a plan (--load), or a number of copies (closed model),
/// or a rate (open model), for --duration; otherwise the scenario's own default. An agent runs
/// its share of it (see <see cref="LoadShare"/>).
/// </summary>
public sealed record LoadShape(TimeSpan Duration, int? Copies, double? Rate, TimeSpan Interval, string? Plan)
{
    public LoadShare Share { get; init; } = LoadShare.Whole;

    public static LoadShape From(Arguments arguments) =>
        new(arguments.Duration("--duration", TimeSpan.FromSeconds(60)),
            arguments.Has("--copies") ? arguments.Int("--copies", 1) : null,
            arguments.Has("--rate") ? arguments.Number("--rate", 1) : null,
            arguments.Duration("--interval", TimeSpan.FromSeconds(1)),
            arguments.Value("--load"));

    public IReadOnlyList<LoadSimulation> Or(IReadOnlyList<LoadSimulation> defaults) =>
        Plan is not null ? SimulationParser.Parse(Plan)
        : Copies is { } copies ? [new KeepConstant(copies, Duration)]
        : Rate is { } rate ? [new Inject(rate, Interval, Duration)]
        : defaults;
}
