using Hub.Grains.Common;
using Orleans.Concurrency;

namespace Hub.Grains.Webhooks;

/// <summary>
/// One account's or one body's webhooks (see <see cref="WebhookOwner"/>): its subscriptions, its
/// outbox and its delivery log. Admins and the account's supervisors keep an account's, the
/// body's admins a body's; grains raise an account's events into the account's, which passes
/// them on to the bodies above the account that subscribe.
/// </summary>
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>A new subscription; the answer is the only one that shows its secret.</summary>
    Task<WebhookSubscription> Subscribe(Caller keeper, string url, IReadOnlyList<string> types);

    /// <summary>The subscriptions, without their secrets.</summary>
    Task<IReadOnlyList<WebhookSubscription>> GetSubscriptions(Caller keeper);

    /// <summary>Ends a subscription; its pending deliveries are dropped with it.</summary>
    Task Unsubscribe(Caller keeper, string subscriptionId);

    /// <summary>
    /// Queues an event of the account (its data as JSON) for every subscription to its type. One-way: the
    /// grain that raises it has already stored what happened and does not wait for the outbox.
    /// </summary>
    [OneWay]
    Task Raise(string accountId, string type, string data);

    /// <summary>Refuses whoever does not keep these webhooks; a page checks it before it watches the deliveries.</summary>
    [ReadOnly]
    Task RequireKeeper(Caller keeper);

    /// <summary>The outbox and the log, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveries(Caller keeper);

    /// <summary>Sends a delivered or dead delivery again, with its message id, from the first attempt.</summary>
    Task<WebhookDelivery> Replay(Caller keeper, string deliveryId);
}
