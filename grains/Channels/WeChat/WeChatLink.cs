using Hub.Grains.Common;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// An account's link to a WeChat official account: the app's id and secret for the API, the
/// token that signs WeChat's calls to the hub, and the EncodingAESKey of the encrypted (safe)
/// mode. None of it is ever answered to a client.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.wechat-link")]
public sealed record WeChatLink(
    [property: Id(0)] string AppId,
    [property: Id(1)] string AppSecret,
    [property: Id(2)] string Token,
    [property: Id(3)] string? EncodingAesKey,
    [property: Id(4)] string ApiBaseUrl)
{
    public const string DefaultApiBaseUrl = "https://api.weixin.qq.com";

    /// <summary>The link as the admin gave it, checked; a bad field is bad_request and nothing is stored.</summary>
    public static WeChatLink Checked(string? appId, string? appSecret, string? token, string? encodingAesKey, string? apiBaseUrl)
    {
        appId = Required(appId, "appId", 64);
        appSecret = Required(appSecret, "appSecret", 128);
        token = Required(token, "token", 32);
        if (!token.All(char.IsAsciiLetterOrDigit))
        {
            throw RuleViolation.BadRequest("token must be 3 to 32 letters and digits");
        }
        if (!string.IsNullOrEmpty(encodingAesKey) && !WeChatCrypto.IsValidKey(encodingAesKey))
        {
            throw RuleViolation.BadRequest("encodingAesKey must be the 43 characters WeChat gives");
        }
        var baseUrl = string.IsNullOrWhiteSpace(apiBaseUrl) ? DefaultApiBaseUrl : apiBaseUrl.Trim().TrimEnd('/');
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query != "")
        {
            throw RuleViolation.BadRequest("apiBaseUrl must be an http(s) URL without a query");
        }
        return new WeChatLink(appId, appSecret, token, string.IsNullOrEmpty(encodingAesKey) ? null : encodingAesKey, baseUrl);
    }

    private static string Required(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Length < 3 || value.Any(char.IsWhiteSpace)
            ? throw RuleViolation.BadRequest($"{field} must be 3 to {maxLength} characters without spaces")
            : value;
}
