namespace Hub.Web.Tests;

/// <summary>A node of its own that logs everything at Information, ASP.NET Core included, into <see cref="Logs"/>.</summary>
public sealed class LoggedNode : IAsyncLifetime
{
    private readonly HubAppFactory _factory;

    public LoggedNode()
    {
        _factory = new HubAppFactory(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            ["Logging:LogLevel:Hub.Realtime.Hubs.RuleViolationFilter"] = "Debug",
        }, Logs);
    }

    public CapturedLogs Logs { get; } = new();

    public HubApi Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = new HubApi(_factory.Address);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
}
