namespace Hub.Grains.Webhooks;

/// <summary>
/// Where an account's (or a body's accounts') events go: an endpoint of the integrator, the event types it wants and
/// the secret its deliveries are signed with (<c>whsec_</c> and base64, as Standard Webhooks has it).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.webhook-subscription")]
public sealed record WebhookSubscription(
    [property: Id(0)] string SubscriptionId,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Types,
    [property: Id(3)] string Secret,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    public const int MaxPerOwner = 20;

    /// <summary>What listings show: the secret is told once, when the subscription is made.</summary>
    public WebhookSubscription WithoutSecret() => this with { Secret = "" };
}
