using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// Access tokens of the linked official accounts, fetched with the app's secret and kept
/// until shortly before they expire. WeChat limits how often a token may be fetched, so it is
/// asked only when there is none or WeChat said the one kept is no longer good. Only an
/// account's link grain asks, so the cluster holds one token per account.
/// </summary>
public sealed class WeChatAccessTokens(HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new();

    public async Task<string> Get(WeChatLink link, CancellationToken cancellation)
    {
        var key = CacheKey(link);
        if (_tokens.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Token;
        }
        var url = $"{link.ApiBaseUrl}/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(link.AppId)}&secret={Uri.EscapeDataString(link.AppSecret)}";
        var answer = await http.GetFromJsonAsync<TokenAnswer>(url, cancellation)
            ?? throw new WeChatApiException(-1, "empty answer to the token request");
        if (answer.AccessToken is not { Length: > 0 } token)
        {
            throw new WeChatApiException(answer.ErrCode, answer.ErrMsg ?? "no access token");
        }
        var lifetime = TimeSpan.FromSeconds(Math.Max(answer.ExpiresIn, 0));
        _tokens[key] = (token, time.GetUtcNow() + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2));
        return token;
    }

    /// <summary>WeChat refused the token: the next <see cref="Get"/> fetches a new one.</summary>
    public void Forget(WeChatLink link, string token)
    {
        var key = CacheKey(link);
        if (_tokens.TryGetValue(key, out var cached) && cached.Token == token)
        {
            _tokens.TryRemove(key, out _);
        }
    }

    private static string CacheKey(WeChatLink link) => $"{link.ApiBaseUrl}\n{link.AppId}\n{link.AppSecret}";

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);
}

public sealed class WeChatApiException(int errorCode, string message) : Exception($"WeChat error {errorCode}: {message}")
{
    public int ErrorCode { get; } = errorCode;
}
