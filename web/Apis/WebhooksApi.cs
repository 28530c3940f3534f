using Hub.Grains.Accounts;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Webhooks;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>
/// The webhook subscriptions of an account, or of a body for every account of its subtree, with
/// their deliveries and replays: admins and the account's supervisors keep an account's, the
/// body's admins a body's. The event types are public, for integrators to read.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks/event-types", ListEventTypes).WithTags("Webhooks")
            .WithSummary("The event types a webhook subscription may name");
        MapOwner(app, "/api/accounts/{id}/webhooks", "the account", id => WebhookOwner.KeyOfAccount(AccountId.Require(id)));
        MapOwner(app, "/api/bodies/{id}/webhooks", "the body's accounts, its subtree's included,", id => WebhookOwner.KeyOfBody(BodyId.Require(id)));
        return app;
    }

    public sealed record NewSubscription(string? Url, IReadOnlyList<string>? Types);

    /// <summary>The same endpoints for both kinds of owner; <paramref name="key"/> turns the route's id into the grain's key.</summary>
    private static void MapOwner(IEndpointRouteBuilder app, string route, string whose, Func<string, string> key)
    {
        var webhooks = app.MapGroup(route).WithTags("Webhooks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        IWebhookGrain Outbox(string id, IGrainFactory grains) => grains.GetGrain<IWebhookGrain>(key(id));

        webhooks.MapPost("/", async (string id, NewSubscription body, HttpContext http, IGrainFactory grains) =>
            {
                var subscription = await Outbox(id, grains).Subscribe(http.User.RequireCaller(), body.Url ?? "", body.Types ?? []);
                return Results.Created($"{http.Request.Path.Value?.TrimEnd('/')}/{subscription.SubscriptionId}", subscription);
            })
            .WithSummary($"Subscribes a receiver to some of the events of {whose}; the answer is the only one that shows the signing secret");
        webhooks.MapGet("/", (string id, HttpContext http, IGrainFactory grains) => Outbox(id, grains).GetSubscriptions(http.User.RequireCaller()))
            .WithSummary("The webhook subscriptions, without their secrets");
        webhooks.MapDelete("/{subscriptionId}", async (string id, string subscriptionId, HttpContext http, IGrainFactory grains) =>
            {
                await Outbox(id, grains).Unsubscribe(http.User.RequireCaller(), subscriptionId);
                return Results.NoContent();
            })
            .WithSummary("Ends a subscription and drops its pending deliveries");
        webhooks.MapGet("/deliveries", (string id, HttpContext http, IGrainFactory grains) => Outbox(id, grains).GetDeliveries(http.User.RequireCaller()))
            .WithSummary("The outbox and the delivery log, newest first");
        webhooks.MapPost("/deliveries/{deliveryId}/replay", (string id, string deliveryId, HttpContext http, IGrainFactory grains) =>
                Outbox(id, grains).Replay(http.User.RequireCaller(), deliveryId))
            .WithSummary("Sends a delivered or dead-lettered delivery again, with its message id");
    }

    private static IReadOnlyList<string> ListEventTypes() => [.. WebhookEventTypes.All.Order()];
}
