using System.Globalization;
using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.CommandLine;

/// <summary>
/// The command line: a command (a scenario, floor or calibrate) and --options, each with one
/// value except the flags; an option given twice (--threshold) keeps every value.
/// </summary>
public sealed class Arguments
{
    public static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--calibrate", "--help", "-h", "--plain" };

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private Arguments(string? command) => Command = command;

    public string? Command { get; }

    public IEnumerable<string> Names => _values.Keys;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var first = args.Count > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var arguments = new Arguments(first);
        for (var i = first is null ? 0 : 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith('-'))
            {
                throw new FormatException($"'{name}' is not an option");
            }
            if (!arguments._values.TryGetValue(name, out var values))
            {
                arguments._values[name] = values = [];
            }
            if (!Flags.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value");
                }
                values.Add(args[++i]);
            }
        }
        return arguments;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public string Required(string name) => Value(name) ?? throw new FormatException($"{name} is required");

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public int Int(string name, int fallback) =>
        Value(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"{name} takes a positive whole number, not '{text}'");

    public double Number(string name, double fallback) =>
        Value(name) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"{name} takes a positive number, not '{text}'");

    public TimeSpan Duration(string name, TimeSpan fallback) => Value(name) is { } text ? Durations.Parse(text) : fallback;
}
