using Hub.Grains.Limits;
using Hub.Grains.ServiceLevels;

namespace Hub.Realtime.Hubs;

/// <summary>An account's business calendar and service-level targets: its staff read them, its supervisors set them.</summary>
public sealed partial class LiveHub
{
    public Task<ServiceLevelSettings> GetServiceLevels(string accountId) =>
        Account(accountId).GetServiceLevels(Caller);

    public async Task<ServiceLevelSettings> SetServiceLevels(string accountId, ServiceLevelSettings settings)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        return await account.SetServiceLevels(caller, settings);
    }
}
