using System.Globalization;

namespace Hub.LoadTests.Simulations;

/// <summary>
/// Reads a load plan written as phases separated by ';', e.g.
/// "ramping-inject 50/1s 10s; inject 50/1s 60s; pause 5s; keep-constant 20 30s".
/// </summary>
public static class SimulationParser
{
    public const string Syntax =
        "keep-constant COPIES DURATION; ramping-constant COPIES DURATION; iterations-for-constant COPIES ITERATIONS; "
        + "inject RATE[/INTERVAL] DURATION; ramping-inject RATE[/INTERVAL] DURATION; pause DURATION";

    public static IReadOnlyList<LoadSimulation> Parse(string plan) =>
        [.. plan.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParsePhase)];

    private static LoadSimulation ParsePhase(string phase)
    {
        var words = phase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (words[0].ToLowerInvariant(), words.Length) switch
        {
            ("keep-constant", 3) => new KeepConstant(Count(words[1]), Durations.Parse(words[2])),
            ("ramping-constant", 3) => new RampingConstant(Count(words[1]), Durations.Parse(words[2])),
            ("iterations-for-constant", 3) => new IterationsForConstant(Count(words[1]), Count(words[2])),
            ("inject", 3) => Rate(words[1], (rate, interval) => new Inject(rate, interval, Durations.Parse(words[2]))),
            ("ramping-inject", 3) => Rate(words[1], (rate, interval) => new RampingInject(rate, interval, Durations.Parse(words[2]))),
            ("pause", 2) => new Pause(Durations.Parse(words[1])),
            _ => throw new FormatException($"'{phase}' is not a load simulation; one of: {Syntax}"),
        };
    }

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new FormatException($"'{text}' is not a positive whole number");

    private static LoadSimulation Rate(string text, Func<double, TimeSpan, LoadSimulation> create)
    {
        var parts = text.Split('/');
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0)
        {
            throw new FormatException($"'{text}' is not a rate (e.g. 100 or 100/1s)");
        }
        return create(rate, parts.Length > 1 ? Durations.Parse(parts[1]) : TimeSpan.FromSeconds(1));
    }
}
