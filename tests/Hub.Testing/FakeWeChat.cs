using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace Hub.Testing;

/// <summary>
/// WeChat's API on a loopback port, as far as the hub uses it: the access-token request and
/// the customer-service send, answered in WeChat's JSON. It issues a new token on every
/// request, can be told to answer the next sends with an error code, and keeps every send.
/// </summary>
public sealed class FakeWeChat : IAsyncDisposable
{
    public sealed record Sent(string AccessToken, string ToUser, string MsgType, string Content);

    public const string AppId = "wx0123456789abcdef";
    public const string AppSecret = "fake-app-secret-0123456789";

    /// <summary>The token of the account's server URL, which WeChat signs its pushes with.</summary>
    public const string Token = "hubtoken2024";

    private readonly Inbox<Sent> _sent = new();
    private readonly ConcurrentQueue<int> _nextErrors = new();
    private LoopbackHost? _host;
    private int _tokensIssued;

    private FakeWeChat()
    {
    }

    public string BaseUrl => _host!.BaseUrl;

    public int TokensIssued => _tokensIssued;

    public string CurrentToken => $"token-{_tokensIssued}";

    /// <summary>The next send is answered with this errcode and not kept.</summary>
    public void FailNextSend(int errcode) => _nextErrors.Enqueue(errcode);

    /// <summary>What an admin saves to link an account to this WeChat; <paramref name="appSecret"/> replaces the app's own.</summary>
    public object LinkBody(string? appSecret = null, string? encodingAesKey = null) =>
        new { appId = AppId, appSecret = appSecret ?? AppSecret, token = Token, encodingAesKey, apiBaseUrl = BaseUrl };

    /// <summary>A new account of the hub that the admin has linked to this WeChat.</summary>
    public async Task<string> LinkedAccount(HubApi api, string? encodingAesKey = null)
    {
        var account = await api.Account();
        var linked = await api.Send(HttpMethod.Put, $"/api/accounts/{account}/channels/wechat", (await api.Admin()).Token,
            LinkBody(encodingAesKey: encodingAesKey));
        Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        return account;
    }

    public static async Task<FakeWeChat> Start()
    {
        var fake = new FakeWeChat();
        fake._host = await LoopbackHost.Start(fake.Map);
        return fake;
    }

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cgi-bin/token", (string grant_type, string appid, string secret) =>
            grant_type == "client_credential" && appid == AppId && secret == AppSecret
                ? Results.Json(new { access_token = $"token-{Interlocked.Increment(ref _tokensIssued)}", expires_in = 7200 })
                : Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" }));
        app.MapPost("/cgi-bin/message/custom/send", async (string access_token, HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            if (access_token != CurrentToken)
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }
            if (_nextErrors.TryDequeue(out var errcode))
            {
                return Results.Json(new { errcode, errmsg = "refused by the test" });
            }
            await _sent.Add(new Sent(access_token, body.Str("touser"), body.Str("msgtype"),
                body.GetProperty("text").Str("content")));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }

    /// <summary>The next message the hub sent, or a failure when none comes within the time.</summary>
    public Task<Sent> Next(TimeSpan? within = null) => _sent.Next(within);

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;
}
