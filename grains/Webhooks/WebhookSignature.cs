using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Webhooks;

/// <summary>
/// The Standard Webhooks signature: HMAC-SHA256 over <c>id.timestamp.body</c> with the
/// subscription's secret, sent as <c>v1,</c> and the base64 digest in <c>webhook-signature</c>.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private const string SecretPrefix = "whsec_";

    /// <summary>A new secret of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var digest = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(digest);
    }
}
