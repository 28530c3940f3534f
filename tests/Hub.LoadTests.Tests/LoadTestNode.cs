using Hub.Testing;

namespace Hub.LoadTests.Tests;

/// <summary>A real node run as load testers run one on a closed network: with the limits off. Shared by the tests that load it, one at a time.</summary>
public sealed class LoadTestNode : IAsyncLifetime
{
    private readonly HubAppFactory _factory = new(new Dictionary<string, string> { ["Hub:Limits:Enabled"] = "false" });

    public Uri Address { get; private set; } = null!;

    /// <summary>The options every scenario command needs to reach this node.</summary>
    public string[] TargetArgs =>
        ["--target", Address.ToString(), "--admin-user", HubAppFactory.AdminUsername, "--admin-pass", HubAppFactory.AdminPassword];

    public Task InitializeAsync()
    {
        Address = _factory.Address;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class LoadTestNodeCollection : ICollectionFixture<LoadTestNode>
{
    public const string Name = "a real node under load";
}
