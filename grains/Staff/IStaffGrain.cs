using Orleans.Concurrency;

namespace Hub.Grains.Staff;

/// <summary>One staff member's credentials, roles per account and standing, keyed by normalized username.</summary>
public interface IStaffGrain : IGrainWithStringKey
{
    /// <summary>Creates the staff member and puts them on their accounts' rosters; conflict when the username is taken.</summary>
    Task<StaffIdentity> Register(StaffRegistration registration);

    /// <summary>
    /// Checks the password of a sign-in from <paramref name="address"/>; unauthorized when wrong
    /// (or unknown, or disabled, alike), rate_limited while that address or everyone must wait.
    /// </summary>
    Task<StaffIdentity> SignIn(string password, string address);

    /// <summary>Makes this username an admin with the given password (the configured first admin).</summary>
    Task<StaffIdentity> EnsureAdmin(string password);

    /// <summary>An admin's change: disable or enable, roles, password. Any change ends the member's earlier tokens.</summary>
    Task<StaffIdentity> Change(StaffChange change);

    /// <summary>The current stamp; null when the member is disabled or does not exist.</summary>
    [ReadOnly]
    Task<string?> GetStamp();

    /// <summary>The current identity, for renewing a token; unauthorized when disabled or gone.</summary>
    [ReadOnly]
    Task<StaffIdentity> Current();

    [ReadOnly]
    Task<StaffSummary> Describe();
}
