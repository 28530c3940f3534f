using System.Globalization;
using System.Security;
using System.Text;
using Hub.Grains.Channels.WeChat;

namespace Hub.Testing;

/// <summary>What WeChat's servers send to an account's server URL: signed queries and XML bodies, plain or encrypted.</summary>
public sealed class WeChatPush(string token, DateTimeOffset now)
{
    public static string TextXml(string openId, string msgId, string content) =>
        $"<xml><ToUserName><![CDATA[gh_hub]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>" +
        $"<Content>{SecurityElement.Escape(content)}</Content><MsgId>{msgId}</MsgId></xml>";

    public string Timestamp { get; } = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Nonce { get; } = Guid.NewGuid().ToString("N")[..10];

    /// <summary>The server-URL query with WeChat's signature; <paramref name="signature"/> overrides it.</summary>
    public string Query(string? signature = null) =>
        $"signature={signature ?? WeChatSignature.Compute(token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}";

    /// <summary>Posts a plain message to the account's server URL, signed as this push.</summary>
    public Task<HttpResponseMessage> SendTo(HttpClient hub, string account, string xml) =>
        hub.PostAsync($"/channels/wechat/{account}?{Query()}", Xml(xml));

    public static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "text/xml");

    /// <summary>The safe mode's body and query for a message: the XML encrypted, with its msg_signature.</summary>
    public (string Body, string Query) Encrypted(string xml, string encodingAesKey)
    {
        var encrypted = new WeChatCrypto(encodingAesKey, FakeWeChat.AppId).Encrypt(xml);
        var msgSignature = WeChatSignature.Compute(token, Timestamp, Nonce, encrypted);
        return ($"<xml><ToUserName><![CDATA[gh_hub]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>",
            $"{Query()}&encrypt_type=aes&msg_signature={msgSignature}");
    }
}
