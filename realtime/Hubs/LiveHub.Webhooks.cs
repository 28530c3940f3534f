using Hub.Grains.Accounts;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Push;
using Hub.Grains.Webhooks;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>
    /// Each attempt of the account's webhook deliveries then reaches this connection as
    /// <c>webhookDelivery</c>, from the moment its outcome is stored: the webhooks page's live log.
    /// </summary>
    /// <roles>admin, supervisor of the account</roles>
    public Task WatchWebhooks(string accountId) => WatchWebhooksOf(WebhookOwner.KeyOfAccount(AccountId.Require(accountId)));

    /// <summary>Stops the account's webhook deliveries reaching this connection.</summary>
    /// <roles>anyone</roles>
    public Task UnwatchWebhooks(string accountId) => LeaveGroup(PushGroups.WebhookKeepersOf(WebhookOwner.KeyOfAccount(AccountId.Require(accountId))));

    /// <summary>
    /// Each attempt of the deliveries of the body's own webhook subscriptions (those that take the
    /// events of its subtree's accounts) then reaches this connection as <c>webhookDelivery</c>.
    /// </summary>
    /// <roles>admin, admin of the body or of a body above it</roles>
    public Task WatchBodyWebhooks(string bodyId) => WatchWebhooksOf(WebhookOwner.KeyOfBody(BodyId.Require(bodyId)));

    /// <summary>Stops the body's webhook deliveries reaching this connection.</summary>
    /// <roles>anyone</roles>
    public Task UnwatchBodyWebhooks(string bodyId) => LeaveGroup(PushGroups.WebhookKeepersOf(WebhookOwner.KeyOfBody(BodyId.Require(bodyId))));

    private async Task WatchWebhooksOf(string ownerKey)
    {
        await grains.GetGrain<IWebhookGrain>(ownerKey).RequireKeeper(Caller);
        await JoinGroup(PushGroups.WebhookKeepersOf(ownerKey));
    }
}
