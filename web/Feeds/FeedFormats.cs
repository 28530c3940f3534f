using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Hub.Web.Feeds;

/// <summary>An account's feed written as Atom 1.0, RSS 2.0 (System.ServiceModel.Syndication) or JSON Feed 1.1.</summary>
public static class FeedFormats
{
    public const string Atom = "application/atom+xml";
    public const string Rss = "application/rss+xml";
    public const string Json = "application/feed+json";

    public static byte[] Write(AccountFeed feed, string format, Uri origin, Uri self) => format switch
    {
        Atom => Xml(new Atom10FeedFormatter(Syndication(feed, origin, self))),
        Rss => Xml(new Rss20FeedFormatter(Syndication(feed, origin, self))),
        _ => JsonFeed(feed, origin, self),
    };

    private static SyndicationFeed Syndication(AccountFeed feed, Uri origin, Uri self)
    {
        var syndication = new SyndicationFeed(feed.Account.Name, feed.Account.Department, origin, $"urn:hub:account:{feed.Account.Id}",
            feed.LastModified ?? DateTimeOffset.UnixEpoch)
        {
            Items = [.. feed.Items.Select(i => Item(i, origin))],
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(self));
        return syndication;
    }

    private static SyndicationItem Item(FeedItem item, Uri origin) =>
        new(item.Title, item.Text, new Uri(origin, item.Link), $"urn:hub:item:{item.Id}", item.PublishedAt)
        {
            PublishDate = item.PublishedAt,
        };

    private static byte[] Xml(SyndicationFeedFormatter formatter)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            formatter.WriteTo(xml);
        }
        return buffer.ToArray();
    }

    private static byte[] JsonFeed(AccountFeed feed, Uri origin, Uri self) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = feed.Account.Name,
        ["description"] = feed.Account.Department,
        ["home_page_url"] = origin.AbsoluteUri,
        ["feed_url"] = self.AbsoluteUri,
        ["items"] = feed.Items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = $"urn:hub:item:{i.Id}",
            ["url"] = new Uri(origin, i.Link).AbsoluteUri,
            ["title"] = i.Title,
            ["content_text"] = i.Text,
            ["date_published"] = i.PublishedAt.ToString("O"),
        }),
    });
}
