using System.Globalization;

namespace Hub.LoadTests.Simulations;

/// <summary>Durations as load testers write them: 500ms, 10s, 2m, 1h (a bare number is seconds).</summary>
public static class Durations
{
    public static TimeSpan Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        (string Number, Func<double, TimeSpan> Unit) parts =
            value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], TimeSpan.FromMilliseconds)
            : value.EndsWith('s') ? (value[..^1], TimeSpan.FromSeconds)
            : value.EndsWith('m') ? (value[..^1], TimeSpan.FromMinutes)
            : value.EndsWith('h') ? (value[..^1], TimeSpan.FromHours)
            : (value, TimeSpan.FromSeconds);
        if (!double.TryParse(parts.Number, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            throw new FormatException($"'{text}' is not a duration (e.g. 500ms, 30s, 2m)");
        }
        return parts.Unit(number);
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalMinutes < 2 || duration.Seconds != 0 ? $"{duration.TotalSeconds:0.###}s"
        : $"{duration.TotalMinutes:0.###}m";
}
