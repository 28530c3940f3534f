using Hub.Grains.Governance.Posts;

namespace Hub.Web.Feeds;

/// <summary>The account's published posts (policy releases, interpretations, notices, corrections); withdrawn ones leave the feed.</summary>
public sealed class PostFeedSource(IGrainFactory grains) : IFeedSource
{
    public async Task<IReadOnlyList<FeedItem>> ItemsOf(string accountId, int limit)
    {
        var posts = await grains.GetGrain<IAccountPostsGrain>(accountId).GetPublic();
        return [.. posts.Posts
            .Where(p => p.WithdrawnAt is null)
            .OrderByDescending(p => p.PublishedAt)
            .Take(limit)
            .Select(p => new FeedItem($"{accountId}/{p.PostId}", p.Title, p.Text, p.PublishedAt, $"/api/accounts/{accountId}/posts#{p.PostId}"))];
    }
}
