using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Web.Tests;

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

    private readonly Channel<Sent> _sent = Channel.CreateUnbounded<Sent>();
    private readonly ConcurrentQueue<int> _nextErrors = new();
    private readonly WebApplication _app;
    private int _tokensIssued;

    private FakeWeChat(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public int TokensIssued => _tokensIssued;

    public string CurrentToken => $"token-{_tokensIssued}";

    /// <summary>The next send is answered with this errcode and not kept.</summary>
    public void FailNextSend(int errcode) => _nextErrors.Enqueue(errcode);

    public static async Task<FakeWeChat> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWeChat(app);
        app.MapGet("/cgi-bin/token", (string grant_type, string appid, string secret) =>
            grant_type == "client_credential" && appid == AppId && secret == AppSecret
                ? Results.Json(new { access_token = $"token-{Interlocked.Increment(ref fake._tokensIssued)}", expires_in = 7200 })
                : Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" }));
        app.MapPost("/cgi-bin/message/custom/send", async (string access_token, HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            if (access_token != fake.CurrentToken)
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }
            if (fake._nextErrors.TryDequeue(out var errcode))
            {
                return Results.Json(new { errcode, errmsg = "refused by the test" });
            }
            await fake._sent.Writer.WriteAsync(new Sent(access_token, body.Str("touser"), body.Str("msgtype"),
                body.GetProperty("text").Str("content")));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next message the hub sent, or a failure when none comes within the time.</summary>
    public async Task<Sent> Next(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        return await _sent.Reader.ReadAsync(timeout.Token);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
