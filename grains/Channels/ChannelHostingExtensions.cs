using Hub.Grains.Channels.WeChat;
using Hub.Grains.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Channels;

public static class ChannelHostingExtensions
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The outside channels the silo's outboxes deliver through.</summary>
    public static IServiceCollection AddHubChannels(this IServiceCollection services)
    {
        services.AddSingleton(provider => new WeChatAccessTokens(WeChatHttp(), provider.GetRequiredKeyedService<TimeProvider>(HubClock.Key)));
        services.AddSingleton<IChannelAdapter>(provider => ActivatorUtilities.CreateInstance<WeChatAdapter>(provider, WeChatHttp()));
        return services;
    }

    private static HttpClient WeChatHttp() => new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = CallTimeout,
    };
}
