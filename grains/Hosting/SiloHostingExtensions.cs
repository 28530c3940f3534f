using System.Net;
using Hub.Grains.Common;
using Hub.Grains.Accounts;
using Hub.Grains.PublicEvents;
using Hub.Grains.Questions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Hub.Grains.Hosting;

/// <summary>
/// The one place a silo is configured, used by the headless silo and by the web node that
/// co-hosts one, so the embedded default and a cluster differ only in configuration.
/// </summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder AddHubSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.AddOptions<RoutingOptions>()
            .Bind(builder.Configuration.GetSection(RoutingOptions.Section))
            .Validate(o => o.AgentCapacity is >= 1 and <= 100, "Hub:Routing:AgentCapacity must be 1 to 100")
            .ValidateOnStart();
        builder.Services.AddOptions<LegalClockOptions>()
            .Bind(builder.Configuration.GetSection(LegalClockOptions.Section))
            .Validate(o => o.Grades.Values.SelectMany(g => g.Values).All(w => w > TimeSpan.Zero), "Hub:Clocks windows must be positive")
            .ValidateOnStart();
        builder.Services.AddOptions<QuestionOptions>()
            .Bind(builder.Configuration.GetSection(QuestionOptions.Section))
            .Validate(o => o.AskLimit > 0 && o.VoteLimit > 0 && o.MaxPendingVotes > 0 && o.VotePushPeriod > TimeSpan.Zero,
                "Hub:Questions limits and periods must be positive")
            .ValidateOnStart();
        // Orleans logs every grain call at Information under this category.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.UseOrleans(orleans => orleans
            .UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, PrimaryEndpoint(silo), serviceId: "hub", clusterId: silo.ClusterId)
            .AddHubGrainServices());
        return builder;
    }

    private static IPEndPoint? PrimaryEndpoint(SiloOptions silo) =>
        string.IsNullOrEmpty(silo.PrimarySiloEndpoint) ? null
        : IPEndPoint.TryParse(silo.PrimarySiloEndpoint, out var endpoint) ? endpoint
        : throw new InvalidOperationException($"Hub:PrimarySiloEndpoint '{silo.PrimarySiloEndpoint}' is not an IP endpoint such as 127.0.0.1:11111");

    /// <summary>Storage, reminders and services every Hub silo needs; grain tests use it too.</summary>
    public static ISiloBuilder AddHubGrainServices(this ISiloBuilder silo)
    {
        // Grain state is written with Orleans' own serializer: [Id] and [Alias] make it survive
        // renamed types and added fields, where the default JSON records .NET type names.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddMemoryGrainStorage(StorageNames.Grains);
        silo.UseInMemoryReminderService();
        silo.Services.TryAddKeyedSingleton(HubClock.Key, TimeProvider.System);
        return silo;
    }
}
