using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// WeChat signs its calls with the SHA-1 of the account's token and the call's values, sorted
/// and joined: (token, timestamp, nonce) for the server URL, with the encrypted message added
/// for msg_signature in the safe mode.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Compared in constant time, so the answer's timing tells nothing of the expected value.</summary>
    public static bool Matches(string? signature, params string[] parts) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()), Encoding.ASCII.GetBytes(Compute(parts)));
}
