using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using StackExchange.Redis;

namespace Hub.Realtime.Hosting;

public static class PushExtensions
{
    /// <summary>
    /// Lets grains push to clients through the hub context. With several nodes a push must
    /// reach connections on every node: the Redis backplane carries it, on this cluster's
    /// channels only. A headless silo uses this too, so its grains reach clients as well.
    /// </summary>
    public static ISignalRServerBuilder AddHubPush(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrEmpty(redis))
        {
            var cluster = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()?.ClusterId ?? "hub";
            signalR.AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.ChannelPrefix = RedisChannel.Literal($"hub-{cluster}");
                // While Redis is away, fail at once (pushes then go to local connections) and keep reconnecting.
                options.Configuration.AbortOnConnectFail = false;
                options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            });
            builder.Services.AddOptions<RedisOptions>().Configure<IServiceProvider>((options, services) =>
                options.ConnectionFactory = async log =>
                {
                    var connection = await ConnectionMultiplexer.ConnectAsync(options.Configuration, log);
                    // The instrumentation is there only while traces are recorded; then a push's publish joins its trace.
                    services.GetService<StackExchangeRedisInstrumentation>()?.AddConnection("backplane", connection);
                    return connection;
                });
        }
        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<HubMetrics>();
        builder.Services.AddSingleton<IClientPush>(services => ActivatorUtilities.CreateInstance<SignalRClientPush>(services, !string.IsNullOrEmpty(redis)));
        return signalR;
    }
}
