using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.Staff;

public sealed class StaffDirectoryGrain(
    [PersistentState("staff-directory", StorageNames.Grains)] IPersistentState<StaffDirectoryState> state) : Grain, IStaffDirectoryGrain
{
    async Task IStaffDirectoryGrain.Add(string userId, string username)
    {
        if (state.State.Usernames.TryGetValue(userId, out var known) && known == username)
        {
            return;
        }
        state.State.Usernames[userId] = username;
        await state.WriteOrReload(this);
    }

    Task<string> IStaffDirectoryGrain.UsernameOf(string userId) =>
        state.State.Usernames.TryGetValue(userId, out var username)
            ? Task.FromResult(username)
            : throw RuleViolation.NotFound($"staff member '{userId}' does not exist");

    Task<IReadOnlyList<string>> IStaffDirectoryGrain.Usernames() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Usernames.Values.Order(StringComparer.Ordinal)]);
}

[GenerateSerializer, Alias("hub.staff-directory-state")]
public sealed class StaffDirectoryState
{
    [Id(0)] public Dictionary<string, string> Usernames { get; set; } = [];
}
