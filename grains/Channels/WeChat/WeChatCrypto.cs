using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// The safe mode's message encryption: AES-256-CBC with the key from the EncodingAESKey and
/// the key's first 16 bytes as the IV, padded PKCS#7-style to 32-byte blocks, over
/// 16 random bytes, the message's length (4 bytes, big-endian), the message and the app id.
/// </summary>
public sealed class WeChatCrypto
{
    private const int RandomLength = 16;
    private const int BlockSize = 32;
    private readonly byte[] _key;
    private readonly string _appId;

    public WeChatCrypto(string encodingAesKey, string appId)
    {
        _key = KeyOf(encodingAesKey) ?? throw new ArgumentException("not an EncodingAESKey", nameof(encodingAesKey));
        _appId = appId;
    }

    public static bool IsValidKey(string encodingAesKey) => KeyOf(encodingAesKey) is not null;

    public string Encrypt(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var appId = Encoding.UTF8.GetBytes(_appId);
        var length = RandomLength + 4 + body.Length + appId.Length;
        var pad = BlockSize - length % BlockSize;
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain, RandomLength + 4);
        appId.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The message, or null when the text is not one encrypted with this key for this app.</summary>
    public string? Decrypt(string encrypted)
    {
        byte[] plain;
        try
        {
            var cipher = Convert.FromBase64String(encrypted);
            if (cipher.Length == 0 || cipher.Length % 16 != 0)
            {
                return null;
            }
            using var aes = Aes();
            plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (FormatException)
        {
            return null;
        }
        var pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            return null;
        }
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        if (length < 0 || length > content.Length - RandomLength - 4)
        {
            return null;
        }
        var appId = Encoding.UTF8.GetString(content[(RandomLength + 4 + length)..]);
        return appId == _appId ? Encoding.UTF8.GetString(content.Slice(RandomLength + 4, length)) : null;
    }

    private Aes Aes()
    {
        var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = _key;
        return aes;
    }

    private static byte[]? KeyOf(string encodingAesKey)
    {
        if (encodingAesKey.Length != 43)
        {
            return null;
        }
        try
        {
            var key = Convert.FromBase64String(encodingAesKey + "=");
            return key.Length == 32 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
