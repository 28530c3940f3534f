using System.Diagnostics.Metrics;

namespace Hub.Web.Tests;

/// <summary>
/// Sums what one of the hub's instruments records, for the measurements whose tag has the
/// given value: a test that picks a value of its own is not disturbed by tests running beside it.
/// </summary>
internal sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _sums = [];

    public InstrumentRecorder(string instrument, string tag)
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
}
