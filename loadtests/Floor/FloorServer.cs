using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.LoadTests.Floor;

/// <summary>
/// Serves the floor hub at /hub with the hub's protocol settings (JSON, WebSockets, 64 KB
/// frames) and nothing else, so whatever the hub costs above it is the hub's own.
/// </summary>
public static class FloorServer
{
    /// <summary>The line the floor prints once it listens; calibrate waits for it.</summary>
    public const string ReadyLine = "Floor hub listening at ";

    public static async Task<WebApplication> Start(Uri address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.ToString());
        builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024).AddMessagePackProtocol();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FloorHub>("/hub");
        await app.StartAsync();
        return app;
    }
}
