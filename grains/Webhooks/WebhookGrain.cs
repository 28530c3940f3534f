using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Webhooks;

/// <summary>
/// Subscriptions and the outbox of one account, kept apart from the account's own state so
/// that deliveries, written often while a receiver is down, never rewrite the roster.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhooks", StorageNames.Grains)] IPersistentState<WebhookState> state,
    WebhookSender sender,
    IClientPush push,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IWebhookGrain, IRemindable
{
    private string AccountId => this.GetPrimaryKeyString();

    private WebhookState State => state.State;

    async Task<WebhookSubscription> IWebhookGrain.Subscribe(Caller keeper, string url, IReadOnlyList<string> types)
    {
        await RequireKeeper(keeper);
        var uri = WebhookAddress.Require(url, options.Value.AllowPrivateAddresses);
        var unknown = (types ?? []).Where(t => !WebhookEventTypes.All.Contains(t)).ToList();
        if (types is null || types.Count == 0 || unknown.Count > 0)
        {
            throw RuleViolation.BadRequest($"types must name one or more of: {string.Join(", ", WebhookEventTypes.All.Order())}");
        }
        if (State.Subscriptions.Count >= WebhookSubscription.MaxPerAccount)
        {
            throw RuleViolation.Conflict($"an account has at most {WebhookSubscription.MaxPerAccount} webhook subscriptions");
        }
        var subscription = new WebhookSubscription($"wh_{GeneratedId.New()}", uri.AbsoluteUri, [.. types.Distinct().Order()],
            WebhookSignature.NewSecret(), keeper.UserId, time.GetUtcNow());
        State.Subscriptions.Add(subscription);
        await state.WriteOrReload(this);
        return subscription;
    }

    async Task<IReadOnlyList<WebhookSubscription>> IWebhookGrain.GetSubscriptions(Caller keeper)
    {
        await RequireKeeper(keeper);
        return [.. State.Subscriptions.Select(s => s.WithoutSecret())];
    }

    async Task IWebhookGrain.Unsubscribe(Caller keeper, string subscriptionId)
    {
        await RequireKeeper(keeper);
        if (State.Subscriptions.RemoveAll(s => s.SubscriptionId == subscriptionId) == 0)
        {
            throw RuleViolation.NotFound($"subscription {subscriptionId} does not exist");
        }
        State.Deliveries.RemoveAll(d => d.SubscriptionId == subscriptionId && d.Status == WebhookDelivery.Pending);
        await state.WriteOrReload(this);
    }

    async Task<IReadOnlyList<WebhookDelivery>> IWebhookGrain.GetDeliveries(Caller keeper)
    {
        await RequireKeeper(keeper);
        return [.. Enumerable.Reverse(State.Deliveries)];
    }

    Task IWebhookGrain.RequireKeeper(Caller keeper) => RequireKeeper(keeper);

    /// <summary>Admins, and the account's supervisors, who run its desk and its integrations.</summary>
    private async Task RequireKeeper(Caller keeper)
    {
        if (!keeper.HasRole(Roles.Admin) && !keeper.HasRoleIn(AccountId, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only admins and supervisors of '{AccountId}' keep its webhooks");
        }
        await GrainFactory.GetGrain<IAccountGrain>(AccountId).GetProfile();
    }
}
