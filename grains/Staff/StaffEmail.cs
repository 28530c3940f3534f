using System.Net.Mail;
using Hub.Grains.Common;

namespace Hub.Grains.Staff;

/// <summary>
/// A staff member's e-mail address, where alerts reach them while they have no page open. It is
/// optional; a plain address (no display name, no list), at most 254 characters as SMTP allows.
/// </summary>
public static class StaffEmail
{
    public const int MaxLength = 254;

    /// <summary>The address as stored, or null for none; bad_request when it is not one address.</summary>
    public static string? Normalize(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null
        : IsAddress(email) ? email.Trim()
        : throw RuleViolation.BadRequest("email must be one address such as name@example.gov.cn");

    public static bool IsAddress(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxLength && MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed && address.DisplayName.Length == 0 && address.Host.Contains('.');
    }
}
