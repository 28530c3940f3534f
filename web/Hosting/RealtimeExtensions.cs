using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Web.Auth;
using Hub.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Hub.Web.Hosting;

public static class RealtimeExtensions
{
    /// <summary>Room for a 4,000-character text in any script, JSON-escaped, with the envelope around it.</summary>
    public const long MaxHubMessageBytes = 64 * 1024;

    public static WebApplicationBuilder AddHubRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
            options.AddFilter<RuleViolationFilter>();
        });
        // With several web nodes, a grain's push must reach connections on every node: the
        // Redis backplane carries it, on channels of this cluster only.
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var cluster = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()?.ClusterId ?? "hub";
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal($"hub-{cluster}"));
        }
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<IClientPush, SignalRClientPush>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.MapHub<LiveHub>("/hub").RequireAuthorization(TokenIfPresentedRequirement.Policy);
        return app;
    }
}
