using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Grains.Mail;

public static class MailHostingExtensions
{
    /// <summary>Binds and checks <c>Hub:Mail</c>.</summary>
    public static IServiceCollection AddHubMailOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.IsValid, "Hub:Mail with a Host needs a From address, a port of 1 to 65535, a Username and Password together, "
                + "positive periods, timeout and log size, and MaxAttempts 1 to 30")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The sender the alert mail outboxes share.</summary>
    public static IServiceCollection AddHubMail(this IServiceCollection services)
    {
        services.TryAddSingleton<MailSender>();
        return services;
    }
}
