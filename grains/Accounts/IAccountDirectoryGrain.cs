using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>The list of all accounts, in the order they were created; one per cluster.</summary>
public interface IAccountDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates an account; conflict when the id is taken. The security log records who created it.</summary>
    Task<AccountProfile> Register(string id, string name, string department, Caller? by = null);

    Task<IReadOnlyList<AccountProfile>> List();

    /// <summary>Lists the account as closed, so citizens are no longer offered it.</summary>
    Task MarkClosed(string id, DateTimeOffset at);
}
