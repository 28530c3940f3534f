using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>Service accounts: keys issued by admins authenticate REST calls within their account and scope, until revoked.</summary>
[Collection(HubCollection.Name)]
public sealed class ApiKeyTests(HubFixture hub)
{
    [Fact]
    public async Task A_write_key_for_an_account_keeps_its_webhooks_and_no_other_accounts()
    {
        var account = await hub.Api.Account();
        var other = await hub.Api.Account();
        var key = await Issue(account, "write");

        var own = await Call(HttpMethod.Get, $"/api/accounts/{account}/webhooks", key, header: "X-Api-Key");
        var foreign = await Call(HttpMethod.Get, $"/api/accounts/{other}/webhooks", key);
        var adminOnly = await Call(HttpMethod.Get, "/api/staff", key);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Problems.Expect(foreign, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
    }

    [Fact]
    public async Task A_read_key_reads_but_changes_nothing()
    {
        var account = await hub.Api.Account();
        var key = await Issue(account, "read");

        var read = await Call(HttpMethod.Get, $"/api/accounts/{account}/webhooks", key);
        var write = await Call(HttpMethod.Put, $"/api/accounts/{account}/restricted-words", key, new { words = new[] { "不该写入" } });
        var words = await hub.Api.Send(HttpMethod.Get, $"/api/accounts/{account}/restricted-words", (await hub.Api.Admin()).Token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Problems.Expect(write, HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty((await words.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("words").EnumerateArray());
    }

    [Fact]
    public async Task A_revoked_or_made_up_key_is_unauthorized_and_keys_are_listed_without_secrets()
    {
        var account = await hub.Api.Account();
        var key = await Issue(account, "write");
        var admin = await hub.Api.Admin();
        var keyId = key.Split('_')[1];

        var revoked = await hub.Api.Send(HttpMethod.Delete, $"/api/api-keys/{keyId}", admin.Token);
        var afterRevoke = await Call(HttpMethod.Get, $"/api/accounts/{account}/webhooks", key);
        var madeUp = await Call(HttpMethod.Get, $"/api/accounts/{account}/webhooks", $"hub_{keyId}_guessed");
        var listed = (await (await hub.Api.Send(HttpMethod.Get, "/api/api-keys", admin.Token)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(k => k.Str("keyId") == keyId);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, madeUp.StatusCode);
        Assert.Equal("", listed.Str("secretHash"));
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task A_key_cannot_issue_keys_and_bad_requests_store_nothing()
    {
        var admin = await hub.Api.Admin();
        var everyAccount = await Issue(null, "write");
        var before = await KeyCount(admin.Token);

        var byKey = await Call(HttpMethod.Post, "/api/api-keys", everyAccount, new { name = "再发一把", scope = "write" });
        var badScope = await hub.Api.Send(HttpMethod.Post, "/api/api-keys", admin.Token, new { name = "坏范围", scope = "admin" });
        var unknownAccount = await hub.Api.Send(HttpMethod.Post, "/api/api-keys", admin.Token, new { name = "无此账号", accountId = "no-such-account", scope = "read" });

        await Problems.Expect(byKey, HttpStatusCode.Forbidden, "forbidden");
        await Problems.Expect(badScope, HttpStatusCode.BadRequest, "bad_request");
        await Problems.Expect(unknownAccount, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(before, await KeyCount(admin.Token));
    }

    [Fact]
    public async Task A_key_is_not_taken_by_the_live_hub()
    {
        var key = await Issue(null, "read");

        var negotiate = await Call(HttpMethod.Post, "/hub/negotiate?negotiateVersion=1", key);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    private async Task<string> Issue(string? accountId, string scope)
    {
        var response = await hub.Api.Send(HttpMethod.Post, "/api/api-keys", (await hub.Api.Admin()).Token, new { name = "数据共享平台", accountId, scope });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("key");
    }

    private async Task<int> KeyCount(string adminToken) =>
        (await (await hub.Api.Send(HttpMethod.Get, "/api/api-keys", adminToken)).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();

    private async Task<HttpResponseMessage> Call(HttpMethod method, string path, string key, object? body = null, string header = "Authorization")
    {
        using var http = new HttpClient { BaseAddress = hub.Api.Address };
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? $"ApiKey {key}" : key);
        return await http.SendAsync(request);
    }
}
