using Orleans.Concurrency;

namespace Hub.Grains.Staff;

/// <summary>
/// Finds a staff member's username (their grain's key) from the user id that tokens, rosters
/// and the REST paths name; one per cluster, written only when a member is created.
/// </summary>
public interface IStaffDirectoryGrain : IGrainWithIntegerKey
{
    Task Add(string userId, string username);

    /// <summary>The username, or not_found.</summary>
    [ReadOnly]
    Task<string> UsernameOf(string userId);

    [ReadOnly]
    Task<IReadOnlyList<string>> Usernames();
}
