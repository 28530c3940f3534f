namespace Hub.Grains.ApiKeys;

/// <summary>One API key, keyed by its id; the directory (<see cref="IApiKeyDirectoryGrain"/>) issues and lists them.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    Task Store(ApiKey key);

    /// <summary>The key when it exists, is not revoked and the presented hash is its own; null otherwise.</summary>
    Task<ApiKey?> Verify(string presentedHash);

    Task<ApiKey?> Describe();

    Task<ApiKey> Revoke(DateTimeOffset at);
}
