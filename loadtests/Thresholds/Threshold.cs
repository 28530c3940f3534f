using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.LoadTests.Thresholds;

/// <summary>
/// A pass/fail rule on the results, written like "p99&lt;200", "fail%&lt;1", "lost=0", or
/// qualified by step: "send:p99&lt;200". Latencies are in milliseconds. A metric that is not a
/// statistic names a counter of the steps (lost, duplicated, out_of_order, ...).
/// </summary>
public sealed partial record Threshold(string Text, string? Step, string Metric, string Operator, double Limit)
{
    public static readonly IReadOnlyList<string> Statistics =
        ["min", "mean", "max", "stddev", "p50", "p75", "p95", "p99", "p99.9", "rps", "ok", "fail", "fail%"];

    public bool IsLatency => Metric is "min" or "mean" or "max" or "stddev" or "p50" or "p75" or "p95" or "p99" or "p99.9";

    public bool IsCounter => !Statistics.Contains(Metric);

    public static Threshold Parse(string text)
    {
        var match = Grammar().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success || !double.TryParse(match.Groups["limit"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
        {
            throw new FormatException($"'{text}' is not a threshold (e.g. p99<200, fail%<1, lost=0, send:p99<200)");
        }
        var step = match.Groups["step"].Success ? match.Groups["step"].Value : null;
        var op = match.Groups["op"].Value == "==" ? "=" : match.Groups["op"].Value;
        return new Threshold(text, step, match.Groups["metric"].Value.ToLowerInvariant(), op, limit);
    }

    public bool Holds(double actual) => Operator switch
    {
        "<" => actual < Limit,
        "<=" => actual <= Limit,
        ">" => actual > Limit,
        ">=" => actual >= Limit,
        "=" => Math.Abs(actual - Limit) < 1e-9,
        "!=" => Math.Abs(actual - Limit) >= 1e-9,
        _ => false,
    };

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?:(?<step>[A-Za-z0-9_.\-]+):)?(?<metric>[A-Za-z_%][A-Za-z0-9_.%\-]*?)(?<op><=|>=|==|!=|<|>|=)(?<limit>-?[0-9.]+)$")]
    private static partial Regex Grammar();
}
