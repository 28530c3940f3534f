using Hub.Grains.Common;

namespace Hub.Grains.Accounts.Embedding;

/// <summary>
/// The sites an account's citizen chat may be embedded in, as browsers name them in CSP
/// <c>frame-ancestors</c>: an http or https origin (scheme, host, port), nothing more.
/// </summary>
public static class EmbeddingOrigins
{
    public const int MaxCount = 50;

    /// <summary>The origins in their one written form (lower case, no default port, no slash), without repeats; bad_request names the first that is not an origin.</summary>
    public static IReadOnlyList<string> Require(IReadOnlyList<string?>? origins)
    {
        var given = origins ?? [];
        if (given.Count > MaxCount)
        {
            throw RuleViolation.BadRequest($"an account names at most {MaxCount} embedding origins");
        }
        return [.. given.Select(Normalize).Distinct(StringComparer.Ordinal)];
    }

    private static string Normalize(string? origin)
    {
        var text = origin?.Trim() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.AbsolutePath != "/"
            || uri.HostNameType is UriHostNameType.Unknown)
        {
            throw RuleViolation.BadRequest($"'{OneLine.Clean(text, 100)}' is not an origin such as https://portal.example.gov.cn");
        }
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }
}
