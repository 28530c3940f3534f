using Hub.Grains.Accounts;
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
    public async Task WatchWebhooks(string accountId)
    {
        await grains.GetGrain<IWebhookGrain>(AccountId.Require(accountId)).RequireKeeper(Caller);
        await JoinGroup(PushGroups.WebhookKeepersOf(accountId));
    }

    /// <summary>Stops the account's webhook deliveries reaching this connection.</summary>
    /// <roles>anyone</roles>
    public Task UnwatchWebhooks(string accountId) => LeaveGroup(PushGroups.WebhookKeepersOf(AccountId.Require(accountId)));
}
