using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>The security log over REST: who may read which entries, and what the hub records in it.</summary>
[Collection(HubCollection.Name)]
public sealed class SecurityLogTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    private async Task<JsonElement[]> Read(string? token, string query = "")
    {
        var response = await Api.Send(HttpMethod.Get, $"/api/security-log{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private async Task<HttpStatusCode> StatusOf(string? token, string query = "") =>
        (await Api.Send(HttpMethod.Get, $"/api/security-log{query}", token)).StatusCode;

    [Fact]
    public async Task Admins_read_every_entry_and_inspectors_only_their_accounts()
    {
        var admin = await Api.Admin();
        var mine = await Api.Account("市交通运输局");
        var other = await Api.Account("市卫生健康委员会");
        Assert.Equal(HttpStatusCode.NoContent,
            (await Api.Send(HttpMethod.Put, $"/api/accounts/{mine}/restricted-words", admin.Token, new { words = new[] { "违禁词", "广告" } })).StatusCode);
        var inspector = await Api.SignIn((await Api.StaffMember(mine, "审计员", "inspector")).Username, HubApi.StaffPassword);
        var agent = await Api.Agent(mine);
        var citizen = await Api.Citizen();

        var all = await Read(admin.Token, "?limit=500");
        var inspected = await Read(inspector.Token, "?limit=500");

        var created = all.Single(e => e.Str("kind") == "account-created" && e.Str("subject") == mine);
        Assert.Equal((admin.UserId, mine), (created.Str("actorId"), created.Str("accountId")));
        Assert.Contains(all, e => e.Str("kind") == "account-created" && e.Str("subject") == other);
        var words = all.Single(e => e.Str("kind") == "restricted-words-changed" && e.Str("accountId") == mine);
        Assert.Equal("2 in the list, 2 added, 0 removed", words.Str("detail"));
        Assert.DoesNotContain("违禁词", words.GetRawText());
        Assert.NotEmpty(inspected);
        Assert.All(inspected, e => Assert.Equal(mine, e.Str("accountId")));
        Assert.Contains(inspected, e => e.Str("kind") == "account-created");
        Assert.Equal(all.Where(e => e.Str("accountId") == mine).Select(e => e.GetRawText()).Take(inspected.Length), inspected.Select(e => e.GetRawText()));
        Assert.Equal([other], (await Read(admin.Token, $"?accountId={other}")).Select(e => e.Str("accountId")).Distinct());

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(inspector.Token, $"?accountId={other}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(agent.Token));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(citizen.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(null));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOf(admin.Token, "?limit=501"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOf(admin.Token, "?limit=0"));
    }

    [Fact]
    public async Task Entries_come_newest_first_and_page_with_before()
    {
        var admin = (await Api.Admin()).Token;
        var account = await Api.Account();
        foreach (var words in new[] { new[] { "一" }, ["一", "二"], ["三"] })
        {
            await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/restricted-words", admin, new { words });
        }

        var newest = await Read(admin, $"?accountId={account}&limit=2");
        var before = Uri.EscapeDataString(newest[^1].Str("at"));
        var older = await Read(admin, $"?accountId={account}&before={before}");

        Assert.Equal(["1 in the list, 1 added, 2 removed", "2 in the list, 1 added, 0 removed"], newest.Select(e => e.Str("detail")));
        Assert.Equal(["restricted-words-changed", "account-created"], older.Select(e => e.Str("kind")));
        Assert.Equal("1 in the list, 1 added, 0 removed", older[0].Str("detail"));
        Assert.True(DateTimeOffset.Parse(newest[0].Str("at")) >= DateTimeOffset.Parse(newest[1].Str("at")));
    }

    [Fact]
    public async Task An_inspector_reading_a_conversation_is_recorded_and_participants_are_not()
    {
        var account = await Api.Account();
        var inspector = await Api.SignIn((await Api.StaffMember(account, "督查员", "inspector")).Username, HubApi.StaffPassword);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);
        var conversationId = (await citizen.Invoke<JsonElement>("StartConversation", account, "咨询社保")).Str("conversationId");
        await citizen.Invoke<JsonElement[]>("GetHistory", conversationId, 0L);
        await using var reader = await hub.Connect(inspector.Token);

        await reader.Invoke<JsonElement>("GetConversation", conversationId);
        await reader.Invoke<JsonElement[]>("GetHistory", conversationId, 0L);

        var reads = (await Read(inspector.Token, $"?accountId={account}")).Where(e => e.Str("kind") == "inspector-read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal((inspector.UserId, "督查员", conversationId), (e.Str("actorId"), e.Str("actorName"), e.Str("subject"))));
    }

    [Fact]
    public async Task Only_the_keepers_of_restricted_words_read_them_and_a_refusal_does_not_repeat_them()
    {
        var account = await Api.Account();
        var admin = (await Api.Admin()).Token;
        await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/restricted-words", admin, new { words = new[] { "秘密词" } });
        var moderator = await Api.Moderator(account);
        var press = await Api.Press(account);
        var inspector = await Api.SignIn((await Api.StaffMember(account, "审计员", "inspector")).Username, HubApi.StaffPassword);
        var strangerModerator = await Api.Moderator(await Api.Account());

        foreach (var token in new[] { admin, moderator.Token, press.Token })
        {
            var response = await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/restricted-words", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["秘密词"], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("words").EnumerateArray().Select(w => w.GetString()));
        }
        foreach (var token in new[] { (await Api.Agent(account)).Token, inspector.Token, (await Api.Citizen()).Token, strangerModerator.Token })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/restricted-words", token)).StatusCode);
        }

        var eventId = await Api.OpenEvent(press.Token, account, severity: 4, title: "在线访谈", kind: "live");
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);
        var refusal = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "这里有秘密词吗"));
        Assert.Contains("bad_request: ", refusal.Message);
        Assert.DoesNotContain("秘密词", refusal.Message);
    }
}
