using Hub.Grains.Common;

namespace Hub.Grains.ApiKeys;

/// <summary>Every service account's key (one directory, key 0): admins issue, list and revoke them.</summary>
public interface IApiKeyDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>A new key; the answer's second part is the key itself, never shown again.</summary>
    Task<(ApiKey Key, string Secret)> Issue(Caller admin, string name, string? accountId, string scope);

    Task<IReadOnlyList<ApiKey>> List(Caller admin);

    Task<ApiKey> Revoke(Caller admin, string keyId);
}
