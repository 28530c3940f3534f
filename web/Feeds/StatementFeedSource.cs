using Hub.Grains.PublicEvents;

namespace Hub.Web.Feeds;

/// <summary>The published statements of the public events the account leads or was invited to.</summary>
public sealed class StatementFeedSource(IGrainFactory grains) : IFeedSource
{
    public async Task<IReadOnlyList<FeedItem>> ItemsOf(string accountId, int limit)
    {
        var events = (await grains.GetGrain<IPublicEventDirectoryGrain>(0).List())
            .Where(e => e.AccountIds.Contains(accountId))
            .ToList();
        var snapshots = await Task.WhenAll(events.Select(e => grains.GetGrain<IPublicEventGrain>(e.EventId).GetSnapshot()));
        return [.. snapshots
            .SelectMany(s => s.Updates.Select(u => new FeedItem(
                $"{s.EventId}/{u.Seq}", s.Title, u.Text, u.PublishedAt, $"/event.html?id={s.EventId}#update-{u.Seq}")))
            .OrderByDescending(i => i.PublishedAt)
            .Take(limit)];
    }
}
