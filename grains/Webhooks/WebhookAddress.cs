using System.Net;
using System.Net.Sockets;
using Hub.Grains.Common;

namespace Hub.Grains.Webhooks;

/// <summary>
/// Which receivers the hub calls: absolute http or https URLs, and, unless
/// <see cref="WebhookOptions.AllowPrivateAddresses"/> says otherwise, none on the hub's own
/// networks. A name is checked again when it is connected to, so one that resolves to a
/// private address later is refused then.
/// </summary>
public static class WebhookAddress
{
    public const int MaxLength = 2000;

    public static Uri Require(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw RuleViolation.BadRequest("url must be an absolute http or https URL");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw RuleViolation.BadRequest("url must not carry a user name or password");
        }
        var local = uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IsPrivate(address));
        if (local && !allowPrivate)
        {
            throw RuleViolation.BadRequest("url must not point to a loopback or private address");
        }
        return uri;
    }

    /// <summary>Loopback, private, link-local, shared, unique-local, unspecified or multicast: addresses inside someone's network.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or >= 224
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127);
        }
        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal;
    }
}
