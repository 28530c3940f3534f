using Hub.Grains.Accounts;
using Hub.Grains.Channels;
using Hub.Grains.Channels.WeChat;
using Hub.Grains.Common;
using Hub.Realtime.Identity;
using Hub.Web.Channels;

namespace Hub.Web.Apis;

/// <summary>
/// The WeChat official-account channel: admins link an account, and WeChat's servers call the
/// account's server URL to verify it and to push what users write. A push is stored and
/// answered "success" at once; the citizen's grain passes it on to the conversation.
/// </summary>
public static class WeChatApi
{
    /// <summary>How far WeChat's timestamp may be from the hub's clock; older calls are taken as replays.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapWeChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/accounts/{id}/channels/wechat", Link).WithTags("Channels").RequireAuthorization()
            .WithSummary("Links the account to a WeChat official account (admins); the secrets are never answered back")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/channels/wechat/{accountId}", Verify).WithTags("Channels").AllowAnonymous()
            .WithSummary("WeChat's server-URL verification: answers echostr when the signature over token, timestamp and nonce holds")
            .Produces<string>(contentType: "text/plain").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/channels/wechat/{accountId}", Push).WithTags("Channels").AllowAnonymous()
            .WithSummary("WeChat's message push, XML in the plain or the safe (encrypted) mode; answers \"success\" once the message is stored")
            .Produces<string>(contentType: "text/plain").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public sealed record WeChatLinkBody(string? AppId, string? AppSecret, string? Token, string? EncodingAesKey, string? ApiBaseUrl);

    private static async Task<IResult> Link(string id, WeChatLinkBody body, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        if (!caller.HasRole(Roles.Admin))
        {
            throw RuleViolation.Forbidden("only admins link a WeChat official account");
        }
        var link = WeChatLink.Checked(body.AppId, body.AppSecret, body.Token, body.EncodingAesKey, body.ApiBaseUrl);
        await grains.GetGrain<IWeChatLinkGrain>(AccountId.Require(id)).Link(caller, link);
        return Results.NoContent();
    }

    private static async Task<IResult> Verify(string accountId, string? signature, string? timestamp, string? nonce, string? echostr,
        IGrainFactory grains, [FromKeyedServices(HubClock.Key)] TimeProvider time)
    {
        var link = await LinkOf(accountId, grains);
        RequireSigned(link, signature, timestamp, nonce, time);
        return Results.Text(echostr ?? "", "text/plain");
    }

    private static async Task<IResult> Push(string accountId, HttpContext http, IGrainFactory grains,
        [FromKeyedServices(HubClock.Key)] TimeProvider time)
    {
        var query = http.Request.Query;
        var link = await LinkOf(accountId, grains);
        var (timestamp, nonce) = (query["timestamp"].ToString(), query["nonce"].ToString());
        RequireSigned(link, query["signature"], timestamp, nonce, time);

        var fields = WeChatXml.Fields(await WeChatBody.Read(http.Request));
        if (fields.TryGetValue("Encrypt", out var encrypted))
        {
            fields = Decrypted(link, encrypted, query["msg_signature"], timestamp, nonce);
        }
        if (WeChatTextMessage.From(fields) is { } message)
        {
            var citizen = new ChannelCitizen(WeChatAdapter.Name, accountId, message.OpenId);
            await grains.GetGrain<IChannelCitizenGrain>(citizen.UserId).Receive(citizen, message.MsgId, message.Content);
        }
        return Results.Text("success", "text/plain");
    }

    private static IReadOnlyDictionary<string, string> Decrypted(WeChatLink link, string encrypted, string? msgSignature, string timestamp, string nonce)
    {
        if (link.EncodingAesKey is not { } key)
        {
            throw RuleViolation.BadRequest("the account has no EncodingAESKey for the safe mode");
        }
        if (!WeChatSignature.Matches(msgSignature, link.Token, timestamp, nonce, encrypted))
        {
            throw RuleViolation.Forbidden("msg_signature does not match");
        }
        var xml = new WeChatCrypto(key, link.AppId).Decrypt(encrypted)
            ?? throw RuleViolation.Forbidden("the message was not encrypted for this official account");
        return WeChatXml.Fields(xml);
    }

    private static async Task<WeChatLink> LinkOf(string accountId, IGrainFactory grains) =>
        await grains.GetGrain<IWeChatLinkGrain>(AccountId.Require(accountId)).Find()
            ?? throw RuleViolation.NotFound($"account '{accountId}' is not linked to a WeChat official account");

    private static void RequireSigned(WeChatLink link, string? signature, string? timestamp, string? nonce, TimeProvider time)
    {
        if (!long.TryParse(timestamp, out var seconds) || string.IsNullOrEmpty(nonce)
            || !WeChatSignature.Matches(signature, link.Token, timestamp, nonce))
        {
            throw RuleViolation.Forbidden("the signature does not match");
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, int.MaxValue * 4L));
        if (age.Duration() > TimestampTolerance)
        {
            throw RuleViolation.Forbidden("the timestamp is stale");
        }
    }
}
