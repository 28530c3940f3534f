using Hub.Grains.Limits;
using Hub.Grains.ServiceLevels;

namespace Hub.Realtime.Hubs;

/// <summary>An account's business calendar and service-level targets: its staff read them, its supervisors set them.</summary>
public sealed partial class LiveHub
{
    /// <summary>The account's business calendar and service-level targets.</summary>
    /// <roles>staff of the account, admin</roles>
    public Task<ServiceLevelSettings> GetServiceLevels(string accountId) =>
        Account(accountId).GetServiceLevels(Caller);

    /// <summary>Replaces the account's business calendar and service-level targets.</summary>
    /// <roles>supervisor, admin</roles>
    public async Task<ServiceLevelSettings> SetServiceLevels(string accountId, ServiceLevelSettings settings)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        return await account.SetServiceLevels(caller, settings);
    }
}
