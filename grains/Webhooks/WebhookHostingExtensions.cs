using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Grains.Webhooks;

public static class WebhookHostingExtensions
{
    /// <summary>Binds and checks <c>Hub:Webhooks</c>.</summary>
    public static IServiceCollection AddHubWebhookOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.IsValid, "Hub:Webhooks periods, timeout and log size must be positive, MaxAttempts 1 to 30")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The sender the outbox grains share.</summary>
    public static IServiceCollection AddHubWebhookDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookSender>();
        return services;
    }
}
