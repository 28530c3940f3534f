namespace Hub.Web.Tests;

/// <summary>One running web node for the whole assembly; tests create their own accounts and users.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    private readonly HubAppFactory _factory = new();

    public HubApi Api { get; private set; } = null!;

    /// <summary>The node's services, to list what it serves (its endpoints).</summary>
    public IServiceProvider Services => _factory.Services;

    public Task<LiveClient> Connect(string? token) => LiveClient.Connect(Api.Address, token);

    public Task InitializeAsync()
    {
        Api = new HubApi(_factory.Address);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
