using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class PublicEventTests(HubFixture hub)
{
    private const int Followers = 100;

    private HubApi Api => hub.Api;

    [Fact]
    public async Task Press_officers_open_events_that_anyone_can_list_and_read_with_their_clocks()
    {
        var account = await Api.Account("市应急管理局");
        var press = await Api.Press(account);
        var citizen = await Api.Citizen();

        var eventId = await Api.OpenEvent(press.Token, account, severity: 2, title: "地铁站临时封闭");
        var snapshot = await (await Api.Send(HttpMethod.Get, $"/api/events/{eventId}")).Content.ReadFromJsonAsync<JsonElement>();
        var listed = await (await Api.Send(HttpMethod.Get, "/api/events")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("地铁站临时封闭", 2, "open"), (snapshot.Str("title"), snapshot.GetProperty("severity").GetInt32(), snapshot.Str("status")));
        Assert.Equal(["information", "pressConference"], snapshot.GetProperty("clocks").EnumerateArray().Select(c => c.Str("name")));
        Assert.Contains(listed.EnumerateArray(), e => e.Str("eventId") == eventId);
        var body = new { accountId = account, kind = "incident", title = "x", severity = 2 };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Post, "/api/events", body: body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Post, "/api/events", citizen.Token, body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Post, "/api/events", press.Token, body with { severity = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Get, "/api/events/no-such-event")).StatusCode);
    }

    [Fact]
    public async Task A_hundred_followers_each_receive_every_update_once_and_in_order()
    {
        var account = await Api.Account();
        var press = await Api.Press(account);
        var eventId = await Api.OpenEvent(press.Token, account, severity: 3);
        var followers = await Task.WhenAll(Enumerable.Range(0, Followers).Select(_ => hub.Connect(token: null)));
        await Task.WhenAll(followers.Select(f => f.Invoke<JsonElement>("FollowEvent", eventId)));
        await using var officer = await hub.Connect(press.Token);

        for (var i = 1; i <= 5; i++)
        {
            var statement = await officer.Invoke<JsonElement>("DraftStatement", eventId, $"第 {i} 号通报");
            Assert.Equal(i, (await officer.Invoke<JsonElement>("PublishStatement", eventId, statement.Str("statementId"))).Long("seq"));
        }

        await Task.WhenAll(followers.Select(f => f.Next("eventUpdate", u => u.Long("seq") == 5)));
        Assert.All(followers, f => Assert.Equal([1L, 2L, 3L, 4L, 5L], f.Received("eventUpdate").Select(u => u.Long("seq"))));
        Assert.All(followers, f => Assert.Equal("第 5 号通报", f.Received("eventUpdate")[^1].Str("text")));
        await Task.WhenAll(followers.Select(f => f.DisposeAsync().AsTask()));
    }

    [Fact]
    public async Task A_reconnecting_follower_gets_the_whole_timeline_in_its_snapshot()
    {
        var account = await Api.Account();
        var press = await Api.Press(account);
        var eventId = await Api.OpenEvent(press.Token, account, severity: 4);
        await using var officer = await hub.Connect(press.Token);
        var follower = await hub.Connect(token: null);
        await follower.Invoke<JsonElement>("FollowEvent", eventId);
        await Publish(officer, eventId, "第一条");
        await follower.Next("eventUpdate", u => u.Long("seq") == 1);
        await follower.DisposeAsync();

        await Publish(officer, eventId, "第二条");
        await Publish(officer, eventId, "第三条");
        await using var back = await hub.Connect(token: null);
        var snapshot = await back.Invoke<JsonElement>("FollowEvent", eventId);
        await Publish(officer, eventId, "第四条");

        Assert.Equal(["第一条", "第二条", "第三条"], snapshot.GetProperty("updates").EnumerateArray().Select(u => u.Str("text")));
        Assert.Equal("第四条", (await back.Next("eventUpdate", u => u.Long("seq") == 4)).Str("text"));
    }

    [Fact]
    public async Task Review_before_release_and_the_event_rules_answer_with_contract_codes()
    {
        var lead = await Api.Account("市政府新闻办");
        var other = await Api.Account("无关单位");
        await using var drafter = await hub.Connect((await Api.Press(lead, "起草人")).Token);
        await using var reviewer = await hub.Connect((await Api.Press(lead, "审核人")).Token);
        await using var outsider = await hub.Connect((await Api.Press(other, "外单位")).Token);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);
        var eventId = await Api.OpenEvent((await Api.Press(lead)).Token, lead, severity: 1);
        var statementId = (await drafter.Invoke<JsonElement>("DraftStatement", eventId, "权威发布")).Str("statementId");

        await HubAssert.Refused("forbidden", citizen.Invoke<JsonElement>("DraftStatement", eventId, "x"));
        await HubAssert.Refused("forbidden", outsider.Invoke<JsonElement>("DraftStatement", eventId, "x"));
        await HubAssert.Refused("forbidden", drafter.Invoke<JsonElement>("ApproveStatement", eventId, statementId));
        await HubAssert.Refused("conflict", drafter.Invoke<JsonElement>("PublishStatement", eventId, statementId));
        await HubAssert.Refused("not_found", drafter.Invoke<JsonElement>("PublishStatement", eventId, "s404"));
        await HubAssert.Refused("not_found", citizen.Invoke<JsonElement>("FollowEvent", "no-such-event"));
        await HubAssert.Refused("bad_request", drafter.Invoke<JsonElement>("DraftStatement", eventId, " "));
        await HubAssert.Refused("too_large", drafter.Invoke<JsonElement>("DraftStatement", eventId, new string('字', 4001)));

        await reviewer.Invoke<JsonElement>("ApproveStatement", eventId, statementId);
        await HubAssert.Refused("conflict", drafter.Invoke<JsonElement>("EditStatement", eventId, statementId, "改"));
        Assert.Equal(1, (await drafter.Invoke<JsonElement>("PublishStatement", eventId, statementId)).Long("seq"));
        await reviewer.Next("statementChanged", s => s.Str("statementId") == statementId && s.Str("status") == "published");
        var statements = await drafter.Invoke<JsonElement[]>("GetStatements", eventId);
        Assert.Single(statements);
    }

    private static async Task Publish(LiveClient officer, string eventId, string text)
    {
        var statement = await officer.Invoke<JsonElement>("DraftStatement", eventId, text);
        await officer.Invoke<JsonElement>("PublishStatement", eventId, statement.Str("statementId"));
    }
}
