using Hub.Grains.Accounts;
using Hub.Grains.Webhooks;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>
/// An account's webhook subscriptions, their deliveries and replays; admins and the account's
/// supervisors keep them. The event types are public, for integrators to read.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks/event-types", ListEventTypes).WithTags("Webhooks")
            .WithSummary("The event types a webhook subscription may name");

        var webhooks = app.MapGroup("/api/accounts/{id}/webhooks").WithTags("Webhooks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        webhooks.MapPost("/", Subscribe)
            .WithSummary("Subscribes a receiver to some of the account's events; the answer is the only one that shows the signing secret");
        webhooks.MapGet("/", ListSubscriptions).WithSummary("The account's webhook subscriptions, without their secrets");
        webhooks.MapDelete("/{subscriptionId}", Unsubscribe).WithSummary("Ends a subscription and drops its pending deliveries");
        webhooks.MapGet("/deliveries", ListDeliveries).WithSummary("The outbox and the delivery log, newest first");
        webhooks.MapPost("/deliveries/{deliveryId}/replay", Replay)
            .WithSummary("Sends a delivered or dead-lettered delivery again, with its message id");
        return app;
    }

    public sealed record NewSubscription(string? Url, IReadOnlyList<string>? Types);

    private static IReadOnlyList<string> ListEventTypes() => [.. WebhookEventTypes.All.Order()];

    private static async Task<IResult> Subscribe(string id, NewSubscription body, HttpContext http, IGrainFactory grains)
    {
        var subscription = await Outbox(id, grains).Subscribe(http.User.RequireCaller(), body.Url ?? "", body.Types ?? []);
        return Results.Created($"/api/accounts/{id}/webhooks/{subscription.SubscriptionId}", subscription);
    }

    private static Task<IReadOnlyList<WebhookSubscription>> ListSubscriptions(string id, HttpContext http, IGrainFactory grains) =>
        Outbox(id, grains).GetSubscriptions(http.User.RequireCaller());

    private static async Task<IResult> Unsubscribe(string id, string subscriptionId, HttpContext http, IGrainFactory grains)
    {
        await Outbox(id, grains).Unsubscribe(http.User.RequireCaller(), subscriptionId);
        return Results.NoContent();
    }

    private static Task<IReadOnlyList<WebhookDelivery>> ListDeliveries(string id, HttpContext http, IGrainFactory grains) =>
        Outbox(id, grains).GetDeliveries(http.User.RequireCaller());

    private static Task<WebhookDelivery> Replay(string id, string deliveryId, HttpContext http, IGrainFactory grains) =>
        Outbox(id, grains).Replay(http.User.RequireCaller(), deliveryId);

    private static IWebhookGrain Outbox(string id, IGrainFactory grains) => grains.GetGrain<IWebhookGrain>(AccountId.Require(id));
}
