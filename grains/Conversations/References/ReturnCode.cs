using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Conversations.References;

/// <summary>
/// The secret that lets a citizen come back to a conversation from another browser or day:
/// twelve characters from an alphabet without look-alikes (60 random bits), shown as
/// <c>7K3M-Q9TX-2HDR</c>. Only its SHA-256 is kept; with so many random bits a plain hash is
/// enough, and guessing is slowed by the reference's backoff and the per-address limit.
/// </summary>
public static class ReturnCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>The hash of the code as the citizen may type it: any case, with or without hyphens and spaces, O for 0, I and L for 1.</summary>
    public static byte[] Hash(string? code) => SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(code)));

    public static bool Matches(string? code, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(code), hash);

    private static string Normalize(string? code)
    {
        var normalized = new StringBuilder(Length);
        foreach (var c in (code ?? "").ToUpperInvariant())
        {
            var read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(read, StringComparison.Ordinal))
            {
                normalized.Append(read);
            }
        }
        return normalized.ToString();
    }
}
