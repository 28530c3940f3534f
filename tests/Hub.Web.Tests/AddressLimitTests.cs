using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// Citizen tokens, staff sign-ins and new events are limited per client address: the permits
/// pass, the next request answers 429 problem+json with Retry-After and stores nothing. The
/// address is the one X-Forwarded-For names, believed only from a configured proxy.
/// </summary>
public sealed class AddressLimitTests(ProxiedNode node) : IClassFixture<ProxiedNode>
{
    [Fact]
    public async Task Citizen_tokens_stop_at_the_limit_of_one_address_and_not_of_another()
    {
        var address = ProxiedNode.FreshAddress();
        for (var i = 0; i < ProxiedNode.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CitizenToken(address)).StatusCode);
        }

        var refused = await CitizenToken(address);

        await AssertRateLimited(refused);
        Assert.DoesNotContain("token", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await CitizenToken(ProxiedNode.FreshAddress())).StatusCode);
    }

    [Fact]
    public async Task Refused_staff_sign_ins_are_not_counted_as_wrong_passwords()
    {
        var (_, username) = await node.AccountWithStaff("agent");
        var address = ProxiedNode.FreshAddress();
        for (var i = 0; i < ProxiedNode.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffSignIn(address, username, "wrong-password")).StatusCode);
        }

        // Counted, these two would make five wrong passwords in a row and lock the username.
        await AssertRateLimited(await StaffSignIn(address, username, "wrong-password"));
        await AssertRateLimited(await StaffSignIn(address, username, "wrong-password"));

        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn(ProxiedNode.FreshAddress(), username, HubApi.StaffPassword)).StatusCode);
    }

    [Fact]
    public async Task Events_opened_beyond_the_limit_of_an_address_are_not_stored()
    {
        var (accountId, username) = await node.AccountWithStaff("press");
        var press = await node.SignIn(username, HubApi.StaffPassword, ProxiedNode.FreshAddress());
        var address = ProxiedNode.FreshAddress();
        for (var i = 0; i < ProxiedNode.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await OpenEvent(address, press, accountId)).StatusCode);
        }

        await AssertRateLimited(await OpenEvent(address, press, accountId));

        var events = await (await node.Send(HttpMethod.Get, "/api/events", ProxiedNode.FreshAddress())).Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(ProxiedNode.Permits, events!.Count(e => e.Str("leadAccountId") == accountId));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored()
    {
        await using var direct = new HubAppFactory(new Dictionary<string, string> { ["Hub:Limits:CitizenTokens:Permits"] = $"{ProxiedNode.Permits}" });
        using var http = new HttpClient { BaseAddress = direct.Address };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= ProxiedNode.Permits; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/citizen") { Content = JsonContent.Create(new { displayName = "张三" }) };
            request.Headers.Add("X-Forwarded-For", ProxiedNode.FreshAddress());
            answers.Add(await http.SendAsync(request));
        }

        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertRateLimited(answers[^1]);
    }

    [Fact]
    public async Task With_limits_off_no_address_limit_applies_and_the_node_warns_once()
    {
        var logs = new CapturedLogs();
        await using var unlimited = new HubAppFactory(new Dictionary<string, string>
        {
            ["Hub:Limits:Enabled"] = "false",
            ["Hub:Limits:CitizenTokens:Permits"] = "1",
        }, logs);
        var api = new HubApi(unlimited.Address);

        for (var i = 0; i < 5; i++)
        {
            await api.Citizen();
        }

        Assert.Single(logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Text.Contains("Hub:Limits:Enabled is false"));
    }

    private Task<HttpResponseMessage> CitizenToken(string from) =>
        node.Send(HttpMethod.Post, "/api/auth/citizen", from, new { displayName = "张三" });

    private Task<HttpResponseMessage> StaffSignIn(string from, string username, string password) =>
        node.Send(HttpMethod.Post, "/api/auth/staff", from, new { username, password });

    private Task<HttpResponseMessage> OpenEvent(string from, string token, string accountId) =>
        node.Send(HttpMethod.Post, "/api/events", from, new { accountId, kind = "incident", title = "限流事件", severity = 4 }, token);

    private static async Task AssertRateLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate_limited", problem.Str("title"));
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
