namespace Hub.Web.Auth;

/// <summary>The first admin, bound from <c>Hub:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string Section = "Hub:Admin";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
