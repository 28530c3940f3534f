using System.Diagnostics.Metrics;

namespace Hub.Web.Tests;

/// <summary>
/// Sums what one of the hub's instruments records, for the measurements whose tag has the
/// given value: a test that picks a value of its own is not disturbed by tests running beside it.
/// With <c>only</c>, measurements without that tag and value are left out (e.g. one delivery channel).
/// </summary>
internal sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _sums = [];

    public InstrumentRecorder(string instrument, string tag, (string Key, string Value)? only = null)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (only is { } filter && !Tagged(tags, filter.Key, filter.Value))
            {
                return;
            }
            foreach (var pair in tags)
            {
                if (pair.Key == tag && pair.Value is string key)
                {
                    lock (_sums)
                    {
                        _sums[key] = Sum(key) + value;
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The sum so far of the measurements tagged with this value.</summary>
    public long Sum(string tagValue)
    {
        lock (_sums)
        {
            return _sums.GetValueOrDefault(tagValue);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool Tagged(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var pair in tags)
        {
            if (pair.Key == key && pair.Value as string == value)
            {
                return true;
            }
        }
        return false;
    }
}
