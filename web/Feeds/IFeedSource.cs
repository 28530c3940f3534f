namespace Hub.Web.Feeds;

/// <summary>
/// Something an account publishes. The feeds merge every registered source, newest first, so
/// another kind of publication is one more source.
/// </summary>
public interface IFeedSource
{
    Task<IReadOnlyList<FeedItem>> ItemsOf(string accountId, int limit);
}
