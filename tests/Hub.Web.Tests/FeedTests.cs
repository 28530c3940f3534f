using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;

namespace Hub.Web.Tests;

/// <summary>An account's feeds, read back by the syndication library and as JSON Feed, with their caching headers.</summary>
[Collection(HubCollection.Name)]
public sealed class FeedTests(HubFixture hub)
{
    [Fact]
    public async Task Atom_and_rss_list_the_published_statements_newest_first()
    {
        var (account, texts) = await AccountWithStatements("第一号通报", "第二号通报");

        var atom = await Parse($"/api/accounts/{account}/feed.atom", "application/atom+xml");
        var rss = await Parse($"/api/accounts/{account}/feed.rss", "application/rss+xml");

        Assert.Equal(texts.Reverse(), atom.Items.Select(i => ((TextSyndicationContent)i.Content).Text));
        Assert.Equal(texts.Reverse(), rss.Items.Select(i => i.Summary.Text));
        Assert.All(atom.Items, i => Assert.Equal("道路塌陷", i.Title.Text));
        Assert.True(atom.Items.First().PublishDate >= atom.Items.Last().PublishDate);
    }

    [Fact]
    public async Task The_json_feed_follows_version_1_1()
    {
        var (account, texts) = await AccountWithStatements("唯一通报");

        var response = await hub.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/feed.json");
        var feed = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.Str("version"));
        var item = Assert.Single(feed.GetProperty("items").EnumerateArray());
        Assert.Equal(texts[0], item.Str("content_text"));
        Assert.StartsWith(hub.Api.Address.GetLeftPart(UriPartial.Authority), item.Str("url"));
    }

    [Fact]
    public async Task A_conditional_request_gets_304_until_something_is_published()
    {
        var (account, _) = await AccountWithStatements("首次通报");
        using var http = new HttpClient { BaseAddress = hub.Api.Address };

        var first = await http.GetAsync($"/api/accounts/{account}/feed.atom");
        var etag = first.Headers.ETag!;
        var again = await Conditional(http, account, etag);
        var byDate = new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{account}/feed.atom");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var unchangedByDate = await http.SendAsync(byDate);

        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, unchangedByDate.StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_has_no_feed()
    {
        var response = await hub.Api.Send(HttpMethod.Get, "/api/accounts/no-such-account/feed.rss");

        await Problems.Expect(response, HttpStatusCode.NotFound, "not_found");
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient http, string account, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{account}/feed.atom");
        request.Headers.IfNoneMatch.Add(etag);
        return http.SendAsync(request);
    }

    private async Task<SyndicationFeed> Parse(string path, string mediaType)
    {
        var response = await hub.Api.Send(HttpMethod.Get, path);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(xml);
    }

    private async Task<(string Account, string[] Texts)> AccountWithStatements(params string[] texts)
    {
        var account = await hub.Api.Account();
        var press = await hub.Api.Press(account);
        var eventId = await hub.Api.OpenEvent(press.Token, account, severity: 3, title: "道路塌陷");
        await using var officer = await hub.Connect(press.Token);
        foreach (var text in texts)
        {
            var statement = await officer.Invoke<JsonElement>("DraftStatement", eventId, text);
            await officer.Invoke<JsonElement>("PublishStatement", eventId, statement.Str("statementId"));
        }
        return (account, texts);
    }
}
