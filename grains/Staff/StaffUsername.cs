using System.Text.RegularExpressions;
using Hub.Grains.Common;

namespace Hub.Grains.Staff;

/// <summary>Usernames are case-insensitive; the lower-case form is the staff grain's key.</summary>
public static partial class StaffUsername
{
    public static string Normalize(string? username)
    {
        var normalized = username?.Trim().ToLowerInvariant();
        return normalized is not null && Pattern().IsMatch(normalized)
            ? normalized
            : throw RuleViolation.BadRequest("username must be 3 to 64 characters of a-z, 0-9, '.', '_', '-' or '@'");
    }

    [GeneratedRegex("^[a-z0-9._@-]{3,64}$")]
    private static partial Regex Pattern();
}
