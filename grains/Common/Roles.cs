namespace Hub.Grains.Common;

/// <summary>The roles of the contract: citizen and admin belong to the whole hub, the others to an account.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Agent = "agent";
    public const string Press = "press";
    public const string Moderator = "moderator";
    public const string Inspector = "inspector";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>Roles a staff member can hold; citizens sign in without an account.</summary>
    public static readonly IReadOnlySet<string> Staff =
        new HashSet<string>(StringComparer.Ordinal) { Agent, Press, Moderator, Inspector, Supervisor, Admin };
}
