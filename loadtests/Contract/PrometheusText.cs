using System.Globalization;

namespace Hub.LoadTests.Contract;

/// <summary>Reads figures from a Prometheus scrape: the sum of a metric's samples over all their labels.</summary>
public static class PrometheusText
{
    /// <summary>The sum of every sample named exactly <paramref name="metric"/>, or null when the scrape has none.</summary>
    public static double? Sum(string scrape, string metric)
    {
        double? sum = null;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal)
                || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }
            var afterLabels = line[metric.Length] == '{' ? line.IndexOf('}', metric.Length) + 1 : metric.Length;
            var fields = line[afterLabels..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sum = (sum ?? 0) + value;
            }
        }
        return sum;
    }
}
