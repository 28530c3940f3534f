using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Hub.Grains.Telemetry;

/// <summary>
/// What the grains measure, on the hub's meter: queues and their waits per account, the
/// group-commit batches of the stores, and clock alerts. Each account's queue is reported by
/// the silo its grain is active on, so summing over nodes gives the cluster's.
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "Hub";

    /// <summary>Outcomes of a delivery attempt outside the hub.</summary>
    public const string Delivered = "delivered", Retry = "retry", Dead = "dead";

    private static readonly Meter Meter = new(MeterName);

    private static readonly ConcurrentDictionary<string, QueueGauge> Queues = new();

    private static readonly Histogram<double> QueueWaits = Meter.CreateHistogram<double>(
        "hub.queue.wait", "s", "How long a conversation waited in its account's queue before an agent took it");

    private static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>(
        "hub.store.batch.size", "{item}", "Items written together in one group-commit batch, by store");

    private static readonly Histogram<double> BatchDurations = Meter.CreateHistogram<double>(
        "hub.store.batch.duration", "s", "How long one group-commit batch took to store, by store");

    private static readonly Counter<long> ClockAlerts = Meter.CreateCounter<long>(
        "hub.clock.alerts", "{alert}", "Clock warnings and breaches, by clock and level");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "hub.deliveries", "{attempt}", "Attempts to deliver outside the hub (webhooks, channels, e-mail), by channel and outcome: delivered, retry or dead");

    private static readonly Histogram<double> DeliveryLags = Meter.CreateHistogram<double>(
        "hub.delivery.lag", "s", "From the event to its delivery outside the hub, retries included, by channel");

    static GrainMetrics() =>
        Meter.CreateObservableGauge("hub.queue.length",
            () => Queues.Select(q => new Measurement<int>(q.Value.Length, new KeyValuePair<string, object?>("hub.account", q.Key))),
            "{conversation}", "Conversations waiting for an agent, by account");

    /// <summary>
    /// Reports an active account's queue length as the grain last set it, until the gauge is
    /// disposed (at deactivation). The grain sets it: its state may be read only on its own turn.
    /// </summary>
    public static QueueGauge TrackQueue(string accountId)
    {
        var gauge = new QueueGauge(accountId);
        Queues[accountId] = gauge;
        return gauge;
    }

    public static void QueueWaited(string accountId, TimeSpan waited) =>
        QueueWaits.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("hub.account", accountId));

    public static void BatchWritten(string store, int size, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("hub.store", store);
        BatchSizes.Record(size, tag);
        BatchDurations.Record(took.TotalSeconds, tag);
    }

    /// <param name="level">"warning" or "breach".</param>
    public static void ClockAlerted(string clock, string level) =>
        ClockAlerts.Add(1, new KeyValuePair<string, object?>("hub.clock", clock), new KeyValuePair<string, object?>("hub.level", level));

    /// <param name="channel">"webhook", or the channel or mail that carried it.</param>
    /// <param name="outcome">"delivered", "retry" (failed, tried again later) or "dead" (given up).</param>
    /// <param name="sinceEvent">From the event to this attempt; recorded as the lag when delivered.</param>
    public static void DeliveryAttempted(string channel, string outcome, TimeSpan sinceEvent)
    {
        var channelTag = new KeyValuePair<string, object?>("hub.channel", channel);
        Deliveries.Add(1, channelTag, new KeyValuePair<string, object?>("hub.outcome", outcome));
        if (outcome == Delivered)
        {
            DeliveryLags.Record(sinceEvent.TotalSeconds, channelTag);
        }
    }

    public sealed class QueueGauge(string accountId) : IDisposable
    {
        private volatile int _length;

        public int Length
        {
            get => _length;
            set => _length = value;
        }

        // Only this activation's entry: a newer activation of the same account may have replaced it.
        public void Dispose() => Queues.TryRemove(new KeyValuePair<string, QueueGauge>(accountId, this));
    }
}
