using System.Text;
using System.Text.Json;
using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Push;
using Hub.Grains.Telemetry;

namespace Hub.Grains.Webhooks;

/// <summary>
/// The outbox: a raised event becomes one pending delivery per subscription, stored before
/// any attempt. A timer sends what is due while anything is pending, and a durable reminder
/// wakes the grain after a restart or a deactivation, so a receiver that is down loses nothing.
/// </summary>
public sealed partial class WebhookGrain
{
    public const string OutboxReminder = "webhook-outbox";

    private OutboxPump? _pump;

    async Task IWebhookGrain.Raise(string accountId, string type, string data)
    {
        await Queue(accountId, type, data);
        if (!Owner.IsBody)
        {
            // Read at every event, so that a body's new subscription and an account moved under
            // it take effect at once; the tree answers from memory, and with nothing when no body subscribes.
            foreach (var bodyId in await Tree.GetWebhookBodies(accountId))
            {
                await GrainFactory.GetGrain<IWebhookGrain>(WebhookOwner.KeyOfBody(bodyId)).Raise(accountId, type, data);
            }
        }
    }

    private async Task Queue(string accountId, string type, string data)
    {
        var subscribed = State.Subscriptions.Where(s => s.Types.Contains(type)).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var body = Body(type, now, accountId, data);
        foreach (var subscription in subscribed)
        {
            State.LastDeliveryNumber++;
            State.Deliveries.Add(new WebhookDelivery($"d{State.LastDeliveryNumber}", $"msg_{GeneratedId.New()}", subscription.SubscriptionId,
                type, body, WebhookDelivery.Pending, 0, now, now, null, null, null));
        }
        await state.WriteOrReload(this);
        await SendSoon();
    }

    async Task<WebhookDelivery> IWebhookGrain.Replay(Caller keeper, string deliveryId)
    {
        await RequireKeeper(keeper);
        var index = State.Deliveries.FindIndex(d => d.DeliveryId == deliveryId);
        if (index < 0)
        {
            throw RuleViolation.NotFound($"delivery {deliveryId} does not exist");
        }
        var delivery = State.Deliveries[index];
        if (delivery.Status == WebhookDelivery.Pending)
        {
            throw RuleViolation.Conflict($"delivery {deliveryId} is still pending");
        }
        if (!State.Subscriptions.Any(s => s.SubscriptionId == delivery.SubscriptionId))
        {
            throw RuleViolation.Conflict($"the subscription of delivery {deliveryId} was deleted");
        }
        State.Deliveries[index] = delivery = delivery with { Status = WebhookDelivery.Pending, Attempts = 0, NextAttemptAt = time.GetUtcNow() };
        await state.WriteOrReload(this);
        await Tell([delivery]);
        await SendSoon();
        return delivery;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            await SendSoon();
        }
    }

    private OutboxPump Pump => _pump ??= new OutboxPump(this, OutboxReminder, options.Value.PollPeriod, SendDue);

    private Task SendSoon() => Pump.Run(State.Deliveries.Any(d => d.Status == WebhookDelivery.Pending));

    private async Task SendDue(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var due = State.Deliveries.Select((d, i) => (Delivery: d, Index: i))
            .Where(x => x.Delivery.Status == WebhookDelivery.Pending && x.Delivery.NextAttemptAt <= now)
            .ToList();
        if (due.Count > 0)
        {
            var outcomes = await Task.WhenAll(due.Select(x => Attempt(x.Delivery, now)));
            foreach (var (outcome, index) in outcomes.Zip(due.Select(x => x.Index)))
            {
                State.Deliveries[index] = outcome;
            }
            TrimLog();
            await state.WriteOrReload(this);
            await Tell(outcomes);
        }
        if (!State.Deliveries.Any(d => d.Status == WebhookDelivery.Pending))
        {
            await Pump.Stop();
        }
    }

    private async Task<WebhookDelivery> Attempt(WebhookDelivery delivery, DateTimeOffset now)
    {
        var subscription = State.Subscriptions.FirstOrDefault(s => s.SubscriptionId == delivery.SubscriptionId);
        if (subscription is null)
        {
            return delivery with { Status = WebhookDelivery.Dead, NextAttemptAt = null, LastError = "the subscription was deleted" };
        }
        var (status, error) = await sender.Send(subscription, delivery, now);
        var attempts = delivery.Attempts + 1;
        var tried = delivery with { Attempts = attempts, LastAttemptAt = now, LastStatusCode = status, LastError = error };
        var outcome = error is null ? GrainMetrics.Delivered : attempts >= options.Value.MaxAttempts ? GrainMetrics.Dead : GrainMetrics.Retry;
        GrainMetrics.DeliveryAttempted("webhook", outcome, now - delivery.CreatedAt);
        return outcome switch
        {
            GrainMetrics.Delivered => tried with { Status = WebhookDelivery.Delivered, NextAttemptAt = null },
            GrainMetrics.Dead => tried with { Status = WebhookDelivery.Dead, NextAttemptAt = null },
            _ => tried with { NextAttemptAt = now + options.Value.Backoff(attempts) },
        };
    }

    /// <summary>Tells the pages watching these webhooks how the deliveries stand, once that is stored.</summary>
    private Task Tell(IEnumerable<WebhookDelivery> deliveries) =>
        Task.WhenAll(deliveries.Select(d => push.ToGroups([PushGroups.WebhookKeepersOf(this.GetPrimaryKeyString())], ClientEvents.WebhookDelivery, d)));

    /// <summary>Drops the oldest finished deliveries beyond the log's size; pending ones always stay.</summary>
    private void TrimLog()
    {
        var finished = State.Deliveries.Where(d => d.Status != WebhookDelivery.Pending).ToList();
        var excess = finished.Count - options.Value.LogSize;
        if (excess > 0)
        {
            var dropped = finished.OrderBy(d => d.LastAttemptAt ?? d.CreatedAt).Take(excess).ToHashSet();
            State.Deliveries.RemoveAll(dropped.Contains);
        }
    }

    /// <summary>The Standard Webhooks payload: the type, when it happened, the account it happened in, and the event's data.</summary>
    private static string Body(string type, DateTimeOffset at, string accountId, string data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("timestamp", at);
            json.WriteString("accountId", accountId);
            json.WritePropertyName("data");
            json.WriteRawValue(data);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
