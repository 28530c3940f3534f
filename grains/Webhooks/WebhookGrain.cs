using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Webhooks;

/// <summary>
/// Subscriptions and the outbox of one account or body, kept apart from the account's own state
/// and the body tree so that deliveries, written often while a receiver is down, never rewrite them.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhooks", StorageNames.Grains)] IPersistentState<WebhookState> state,
    WebhookSender sender,
    IClientPush push,
    IOptions<WebhookOptions> options,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IWebhookGrain, IRemindable
{
    private WebhookOwner Owner => WebhookOwner.FromKey(this.GetPrimaryKeyString());

    private IBodyTreeGrain Tree => GrainFactory.GetGrain<IBodyTreeGrain>(0);

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
        if (State.Subscriptions.Count >= WebhookSubscription.MaxPerOwner)
        {
            throw RuleViolation.Conflict($"{Owner} has at most {WebhookSubscription.MaxPerOwner} webhook subscriptions");
        }
        var subscription = new WebhookSubscription($"wh_{GeneratedId.New()}", uri.AbsoluteUri, [.. types.Distinct().Order()],
            WebhookSignature.NewSecret(), keeper.UserId, time.GetUtcNow());
        State.Subscriptions.Add(subscription);
        await state.WriteOrReload(this);
        await NoteSubscribers();
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
        await NoteSubscribers();
    }

    async Task<IReadOnlyList<WebhookDelivery>> IWebhookGrain.GetDeliveries(Caller keeper)
    {
        await RequireKeeper(keeper);
        return [.. Enumerable.Reverse(State.Deliveries)];
    }

    Task IWebhookGrain.RequireKeeper(Caller keeper) => RequireKeeper(keeper);

    /// <summary>
    /// An account's: admins and its supervisors, who run its desk and its integrations. A body's:
    /// its admins and those of the bodies above it (not_found when there is no such body).
    /// </summary>
    private async Task RequireKeeper(Caller keeper)
    {
        if (Owner.IsBody)
        {
            await Tree.RequireAdmin(keeper, Owner.Id);
            return;
        }
        if (!keeper.HasRole(Roles.Admin) && !keeper.HasRoleIn(Owner.Id, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only admins and supervisors of '{Owner.Id}' keep its webhooks");
        }
        await GrainFactory.GetGrain<IAccountGrain>(Owner.Id).GetProfile();
    }

    /// <summary>The tree keeps which bodies subscribe, so that accounts pass their events only to those.</summary>
    private Task NoteSubscribers() =>
        Owner.IsBody ? Tree.NoteWebhookSubscribers(Owner.Id, State.Subscriptions.Count > 0) : Task.CompletedTask;
}
