namespace Hub.Web.Feeds;

/// <summary>One entry of an account's feed: a published statement or post.</summary>
public sealed record FeedItem(string Id, string Title, string Text, DateTimeOffset PublishedAt, string Link);
