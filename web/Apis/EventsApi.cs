using Hub.Realtime.Identity;
using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Web.Auth;
using Hub.Web.Hosting;

namespace Hub.Web.Apis;

/// <summary>Public events: press officers open them; anyone may list and read them.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Public events");
        events.MapGet("/", ListEvents);
        events.MapGet("/{eventId}", GetEvent);
        events.MapPost("/", OpenEvent).RequireAuthorization().RequireRateLimiting(AddressLimits.EventOpens);
        return app;
    }

    public sealed record EventOpened(string EventId);

    private static Task<IReadOnlyList<PublicEventSummary>> ListEvents(IGrainFactory grains) =>
        grains.GetGrain<IPublicEventDirectoryGrain>(0).List();

    private static Task<PublicEventSnapshot> GetEvent(string eventId, IGrainFactory grains) =>
        grains.GetGrain<IPublicEventGrain>(GeneratedId.Require(eventId, "event")).GetSnapshot();

    private static async Task<IResult> OpenEvent(PublicEventRequest body, HttpContext http, IGrainFactory grains)
    {
        var eventId = GeneratedId.New();
        await grains.GetGrain<IPublicEventGrain>(eventId).Open(http.User.RequireCaller(), body);
        return Results.Created($"/api/events/{eventId}", new EventOpened(eventId));
    }
}
