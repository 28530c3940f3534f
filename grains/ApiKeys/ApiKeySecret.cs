using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.ApiKeys;

/// <summary>
/// A key as the caller sends it: <c>hub_</c>, the key's id and its secret. The secret is 32
/// random bytes, so one SHA-256 is enough to keep it from being read back out of storage.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "hub_";

    public static (string KeyId, string Key) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>The key's id and the hash of the whole key, or null for something of another shape.</summary>
    public static (string KeyId, string Hash)? Parse(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }
        var parts = key[Prefix.Length..].Split('_', 2);
        return parts.Length == 2 && parts[0].Length == 16 && parts[1].Length > 0 ? (parts[0], Hash(key)) : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string storedHash, string presentedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(presentedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
