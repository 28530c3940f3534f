namespace Hub.Web.Auth;

/// <summary>Token settings, bound from <c>Hub:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Hub:Auth";
    public const int MinKeyBytes = 32;

    /// <summary>Base64 HMAC key shared by every node of a cluster; required outside Development.</summary>
    public string? SigningKey { get; set; }

    public TimeSpan CitizenTokenLifetime { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
