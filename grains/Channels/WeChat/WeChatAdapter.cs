using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// Sends an agent's reply as a customer-service text message. WeChat lets an official
/// account write to a user this way within 48 hours of the user's last message.
/// </summary>
public sealed class WeChatAdapter(HttpClient http, IGrainFactory grains, ILogger<WeChatAdapter> logger) : IChannelAdapter
{
    public const string Name = "wechat";

    /// <summary>WeChat's answers that say the access token is expired or not valid.</summary>
    private static readonly int[] TokenRefused = [40001, 40014, 42001];

    public string Channel => Name;

    public TimeSpan? ReplyWindow => TimeSpan.FromHours(48);

    public async Task<ChannelDeliveryResult> Deliver(ChannelCitizen to, string text, CancellationToken cancellation)
    {
        var linked = grains.GetGrain<IWeChatLinkGrain>(to.AccountId);
        if (await linked.Find() is not { } link)
        {
            return ChannelDeliveryResult.GiveUp("the account is no longer linked to WeChat");
        }
        try
        {
            var answer = await Send(linked, link, to.ExternalId, text, cancellation);
            if (answer.Token is { } refused)
            {
                await linked.ForgetAccessToken(refused);
                answer = await Send(linked, link, to.ExternalId, text, cancellation);
            }
            return answer.ErrCode == 0 ? ChannelDeliveryResult.Done : ChannelDeliveryResult.TryAgain($"WeChat error {answer.ErrCode}: {answer.ErrMsg}");
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or WeChatApiException or System.Text.Json.JsonException)
        {
            logger.LogWarning("A reply to a WeChat user of account {AccountId} failed: {Reason}", to.AccountId, failure.Message);
            return ChannelDeliveryResult.TryAgain(failure.Message);
        }
    }

    /// <summary>WeChat's answer; <c>Token</c> is the access token used when WeChat refused it.</summary>
    private async Task<(int ErrCode, string? ErrMsg, string? Token)> Send(IWeChatLinkGrain linked, WeChatLink link, string openId, string text, CancellationToken cancellation)
    {
        var token = await linked.AccessToken();
        var url = $"{link.ApiBaseUrl}/cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}";
        using var response = await http.PostAsJsonAsync(url, new CustomMessage(openId, "text", new TextContent(text)), cancellation);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<SendAnswer>(cancellation) ?? new SendAnswer(-1, "empty answer");
        return (answer.ErrCode, answer.ErrMsg, TokenRefused.Contains(answer.ErrCode) ? token : null);
    }

    private sealed record CustomMessage(
        [property: JsonPropertyName("touser")] string ToUser,
        [property: JsonPropertyName("msgtype")] string MsgType,
        [property: JsonPropertyName("text")] TextContent Text);

    private sealed record TextContent([property: JsonPropertyName("content")] string Content);

    private sealed record SendAnswer(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);
}
