using Hub.Grains.Accounts;

namespace Hub.Web.Feeds;

/// <summary>An account's feed: its name and the newest items of every source, newest first.</summary>
public sealed record AccountFeed(AccountProfile Account, IReadOnlyList<FeedItem> Items)
{
    public const int MaxItems = 50;

    public DateTimeOffset? LastModified => Items.Count == 0 ? null : Items.Max(i => i.PublishedAt);

    public static async Task<AccountFeed> Read(string accountId, IGrainFactory grains, IEnumerable<IFeedSource> sources)
    {
        var account = await grains.GetGrain<IAccountGrain>(AccountId.Require(accountId)).GetProfile();
        var items = await Task.WhenAll(sources.Select(s => s.ItemsOf(accountId, MaxItems)));
        return new AccountFeed(account, [.. items.SelectMany(i => i).OrderByDescending(i => i.PublishedAt).Take(MaxItems)]);
    }
}
