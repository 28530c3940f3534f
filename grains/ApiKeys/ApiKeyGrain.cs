using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.ApiKeys;

/// <summary>One key, its own grain so that checking a key on every request touches nothing else.</summary>
public sealed class ApiKeyGrain(
    [PersistentState("api-key", StorageNames.Grains)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    async Task IApiKeyGrain.Store(ApiKey key)
    {
        state.State.Key = key;
        await state.WriteOrReload(this);
    }

    Task<ApiKey?> IApiKeyGrain.Verify(string presentedHash) =>
        Task.FromResult(state.State.Key is { Revoked: false } key && ApiKeySecret.Matches(key.SecretHash, presentedHash) ? key : null);

    Task<ApiKey?> IApiKeyGrain.Describe() => Task.FromResult(state.State.Key?.WithoutHash());

    async Task<ApiKey> IApiKeyGrain.Revoke(DateTimeOffset at)
    {
        var key = state.State.Key ?? throw RuleViolation.NotFound($"API key {this.GetPrimaryKeyString()} does not exist");
        if (!key.Revoked)
        {
            state.State.Key = key with { RevokedAt = at };
            await state.WriteOrReload(this);
        }
        return state.State.Key.WithoutHash();
    }
}
