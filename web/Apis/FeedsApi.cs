using System.Security.Cryptography;
using Hub.Web.Feeds;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Hub.Web.Apis;

/// <summary>
/// An account's publications as Atom, RSS and JSON Feed, for anyone. Answers carry an ETag and
/// Last-Modified and may be cached for a minute; a conditional request that matches gets 304.
/// </summary>
public static class FeedsApi
{
    private const string CacheControl = "public, max-age=60";

    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/accounts/{id}").WithTags("Feeds")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapGet("/feed.atom", (string id, HttpContext http) => Answer(id, http, FeedFormats.Atom))
            .WithSummary("The account's published statements as Atom 1.0, newest first");
        feeds.MapGet("/feed.rss", (string id, HttpContext http) => Answer(id, http, FeedFormats.Rss))
            .WithSummary("The account's published statements as RSS 2.0, newest first");
        feeds.MapGet("/feed.json", (string id, HttpContext http) => Answer(id, http, FeedFormats.Json))
            .WithSummary("The account's published statements as JSON Feed 1.1, newest first");
        return app;
    }

    private static async Task<IResult> Answer(string id, HttpContext http, string format)
    {
        var services = http.RequestServices;
        var feed = await AccountFeed.Read(id, services.GetRequiredService<IGrainFactory>(), services.GetServices<IFeedSource>());
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var body = FeedFormats.Write(feed, format, origin, new Uri(origin, http.Request.Path));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");

        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = feed.LastModified;
        http.Response.Headers.CacheControl = CacheControl;
        return Unchanged(http.Request.GetTypedHeaders(), etag, feed.LastModified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, $"{format}; charset=utf-8");
    }

    /// <summary>If-None-Match decides when sent; If-Modified-Since only without it, as HTTP has it.</summary>
    private static bool Unchanged(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any));
        }
        return request.IfModifiedSince is { } since && lastModified is { } modified
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}
