namespace Hub.Grains.Staff;

/// <summary>One staff member's credentials and roles, keyed by normalized username.</summary>
public interface IStaffGrain : IGrainWithStringKey
{
    /// <summary>Creates the staff member; conflict when the username is taken.</summary>
    Task<StaffIdentity> Register(StaffRegistration registration);

    /// <summary>Checks the password; unauthorized when wrong, rate_limited after repeated failures.</summary>
    Task<StaffIdentity> SignIn(string password);

    /// <summary>Makes this username an admin with the given password (the configured first admin).</summary>
    Task<StaffIdentity> EnsureAdmin(string password);
}
