using Hub.Grains.Common;

namespace Hub.Grains.ApiKeys;

/// <summary>
/// Who a service account is to the grains: a key for every account acts as an admin, a key for
/// one account as that account's officers (every staff role there but admin). Whether it may
/// change anything (its scope) is checked by the host before the call.
/// </summary>
public static class ApiKeyCaller
{
    public const string UserIdPrefix = "apikey:";

    public static Caller For(ApiKey key)
    {
        var userId = UserIdPrefix + key.KeyId;
        if (key.AccountId is not { } accountId)
        {
            return new Caller(userId, key.Name, [Roles.Admin], []);
        }
        IReadOnlyList<string> roles = [.. Roles.Staff.Where(r => r != Roles.Admin).Order()];
        return new Caller(userId, key.Name, roles, [accountId]);
    }
}
