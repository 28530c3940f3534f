namespace Hub.Grains.Webhooks;

/// <summary>
/// One event on its way to one subscription: pending until the receiver answers 2xx
/// (delivered), or until every attempt failed (dead). <see cref="MessageId"/> stays the same
/// through retries and replays, so a receiver can drop what it has already seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.webhook-delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string SubscriptionId,
    [property: Id(3)] string Type,
    [property: Id(4)] string Body,
    [property: Id(5)] string Status,
    [property: Id(6)] int Attempts,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] DateTimeOffset? LastAttemptAt,
    [property: Id(10)] int? LastStatusCode,
    [property: Id(11)] string? LastError)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
}
