using System.Security.Cryptography;
using System.Text;

namespace Hub.Grains.Channels;

/// <summary>
/// A citizen who reaches an account through an outside channel, known there by
/// <see cref="ExternalId"/> (a WeChat OpenID, say). Their hub user id is derived from the
/// channel, the account and that id, so the same person is always the same citizen of that
/// account, and the outside id itself is not shown to agents.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.channel-citizen")]
public sealed record ChannelCitizen(
    [property: Id(0)] string Channel,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string ExternalId)
{
    private const string Prefix = "ch-";

    public string UserId
    {
        get
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Channel}\n{AccountId}\n{ExternalId}"));
            return $"{Prefix}{Channel}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
        }
    }

    /// <summary>Whether a hub user id belongs to a citizen who came through a channel.</summary>
    public static bool IsChannelUser(string userId) => userId.StartsWith(Prefix, StringComparison.Ordinal);
}
