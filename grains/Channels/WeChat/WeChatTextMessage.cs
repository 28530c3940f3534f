using System.Text.RegularExpressions;
using Hub.Grains.Common;

namespace Hub.Grains.Channels.WeChat;

/// <summary>A text a WeChat user wrote to the official account, from the fields of a push.</summary>
public sealed partial record WeChatTextMessage(string OpenId, string MsgId, string Content)
{
    /// <summary>The text message, or null for the pushes the hub does not take (events, images, voice).</summary>
    public static WeChatTextMessage? From(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("MsgType") != "text")
        {
            return null;
        }
        var openId = fields.GetValueOrDefault("FromUserName");
        var msgId = fields.GetValueOrDefault("MsgId");
        if (openId is null || !OpenIdPattern().IsMatch(openId))
        {
            throw RuleViolation.BadRequest("FromUserName must be an OpenID");
        }
        if (msgId is null || !MsgIdPattern().IsMatch(msgId))
        {
            throw RuleViolation.BadRequest("MsgId must be a number");
        }
        return new WeChatTextMessage(openId, msgId, TextRules.RequireText(fields.GetValueOrDefault("Content"), "Content"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex OpenIdPattern();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex MsgIdPattern();
}
