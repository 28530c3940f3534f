namespace Hub.Grains.Webhooks;

/// <summary>
/// An account's subscriptions and its outbox. Pending deliveries are the outbox; delivered and
/// dead ones stay as the delivery log, the oldest finished ones dropped past <see cref="WebhookOptions.LogSize"/>.
/// </summary>
[GenerateSerializer, Alias("hub.webhook-state")]
public sealed class WebhookState
{
    [Id(0)] public List<WebhookSubscription> Subscriptions { get; set; } = [];

    [Id(1)] public List<WebhookDelivery> Deliveries { get; set; } = [];

    [Id(2)] public long LastDeliveryNumber { get; set; }
}
