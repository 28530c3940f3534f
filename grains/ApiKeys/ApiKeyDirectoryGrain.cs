using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.ApiKeys;

/// <summary>Issues keys and remembers their ids, so admins can list and revoke them.</summary>
public sealed class ApiKeyDirectoryGrain(
    [PersistentState("api-keys", StorageNames.Grains)] IPersistentState<ApiKeyDirectoryState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IApiKeyDirectoryGrain
{
    public const int MaxKeys = 1000;

    async Task<(ApiKey Key, string Secret)> IApiKeyDirectoryGrain.Issue(Caller admin, string name, string? accountId, string scope)
    {
        RequireAdmin(admin);
        name = ShortText.Require(name, "name", 100);
        if (scope is not (ApiKey.Read or ApiKey.Write))
        {
            throw RuleViolation.BadRequest($"scope must be '{ApiKey.Read}' or '{ApiKey.Write}'");
        }
        if (accountId is not null)
        {
            await GrainFactory.GetGrain<IAccountGrain>(AccountId.Require(accountId)).GetProfile();
        }
        if (state.State.KeyIds.Count >= MaxKeys)
        {
            throw RuleViolation.Conflict($"the hub keeps at most {MaxKeys} API keys");
        }
        var (keyId, secret) = ApiKeySecret.New();
        var key = new ApiKey(keyId, name, accountId, scope, ApiKeySecret.Hash(secret), admin.UserId, time.GetUtcNow(), null);
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Store(key);
        state.State.KeyIds.Add(keyId);
        await state.WriteOrReload(this);
        return (key.WithoutHash(), secret);
    }

    async Task<IReadOnlyList<ApiKey>> IApiKeyDirectoryGrain.List(Caller admin)
    {
        RequireAdmin(admin);
        var keys = await Task.WhenAll(state.State.KeyIds.Select(id => GrainFactory.GetGrain<IApiKeyGrain>(id).Describe()));
        return [.. keys.OfType<ApiKey>().OrderByDescending(k => k.CreatedAt)];
    }

    Task<ApiKey> IApiKeyDirectoryGrain.Revoke(Caller admin, string keyId)
    {
        RequireAdmin(admin);
        if (!state.State.KeyIds.Contains(keyId))
        {
            throw RuleViolation.NotFound($"API key {keyId} does not exist");
        }
        return GrainFactory.GetGrain<IApiKeyGrain>(keyId).Revoke(time.GetUtcNow());
    }

    private static void RequireAdmin(Caller admin)
    {
        if (!admin.HasRole(Roles.Admin) || admin.UserId.StartsWith(ApiKeyCaller.UserIdPrefix, StringComparison.Ordinal))
        {
            throw RuleViolation.Forbidden("only admins, signed in as themselves, keep API keys");
        }
    }
}
