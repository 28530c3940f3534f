using System.Net;
using Hub.Grains.Accounts;
using Hub.Grains.Channels;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Governance.Inspection;
using Hub.Grains.Hosting.Dashboard;
using Hub.Grains.Hosting.Postgres;
using Hub.Grains.Hosting.Tls;
using Hub.Grains.Limits;
using Hub.Grains.Mail;
using Hub.Grains.PublicEvents;
using Hub.Grains.Questions;
using Hub.Grains.Security;
using Hub.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;

namespace Hub.Grains.Hosting;

/// <summary>
/// The one place a silo is configured, used by the headless silo and by the web node that
/// co-hosts one, so the embedded default and a cluster differ only in configuration:
/// without <c>ConnectionStrings:Postgres</c> state lives in memory and the cluster on
/// localhost; with it, state, membership and reminders live in PostgreSQL. Either way the
/// gateway stays closed unless <c>Hub:OpenGateway</c> asks for it, the embedded default
/// listens on loopback only, and <c>Hub:Tls</c> makes every cluster connection mutual TLS.
/// </summary>
public static class SiloHostingExtensions
{
    public const string PostgresInvariant = "Npgsql";

    public static IHostApplicationBuilder AddHubSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var postgres = PostgresConnection.From(builder.Configuration);
        builder.AddHubOptions();
        // Orleans logs every grain call at Information under this category.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        if (postgres is not null)
        {
            // Registered before the silo, so the schema is in place when the providers read their queries.
            builder.Services.AddHostedService(services => new SchemaMigrator(postgres, services.GetRequiredService<ILogger<SchemaMigrator>>()));
        }
        builder.UseOrleans(orleans =>
        {
            if (postgres is null)
            {
                // Advertises and listens on loopback: other processes of this machine alone can join.
                orleans.UseLocalhostClustering(silo.SiloPort, GatewayPort(silo), PrimaryEndpoint(silo), serviceId: "hub", clusterId: silo.ClusterId);
            }
            else
            {
                orleans.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (silo.ClusterId, "hub"));
                orleans.Configure(ListenOn(silo));
                orleans.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (PostgresInvariant, postgres));
            }
            orleans.Configure(Heartbeats(silo.Membership));
            orleans.AddClusterTls(builder.Configuration);
            orleans.AddHubDashboard(builder.Configuration);
            orleans.AddHubGrainServices(postgres);
        });
        return builder;
    }

    /// <summary>Storage, reminders and services every Hub silo needs; grain tests use it too.</summary>
    public static ISiloBuilder AddHubGrainServices(this ISiloBuilder silo, string? postgres = null)
    {
        // Grain state is written with Orleans' own serializer: [Id] and [Alias] make it survive
        // renamed types and added fields, where the default JSON records .NET type names.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        RememberedGrainInterfaceTypes.Register(silo.Services);
        if (postgres is null)
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.UseInMemoryReminderService();
            silo.Services.TryAddSingleton<IMessageLog, InMemoryMessageLog>();
            silo.Services.TryAddSingleton<IUpdateLog, InMemoryUpdateLog>();
            silo.Services.TryAddSingleton<IQuestionStore, InMemoryQuestionStore>();
            silo.Services.TryAddSingleton<ISecurityLog>(_ => new InMemorySecurityLog());
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Grains, options => (options.Invariant, options.ConnectionString) = (PostgresInvariant, postgres));
            silo.UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (PostgresInvariant, postgres));
            silo.Services.TryAddSingleton<IMessageLog>(_ => new PostgresMessageLog(postgres));
            silo.Services.TryAddSingleton<IUpdateLog>(_ => new PostgresUpdateLog(postgres));
            silo.Services.TryAddSingleton<IQuestionStore>(services => new PostgresQuestionStore(postgres, services.GetRequiredService<Orleans.Serialization.Serializer>()));
            silo.Services.TryAddSingleton<ISecurityLog>(_ => new PostgresSecurityLog(postgres));
        }
        silo.Services.TryAddKeyedSingleton(HubClock.Key, TimeProvider.System);
        silo.Services.AddHubWebhookDelivery();
        silo.Services.AddHubMail();
        silo.Services.AddHubChannels();
        return silo;
    }

    private static void AddHubOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutingOptions>()
            .Bind(builder.Configuration.GetSection(RoutingOptions.Section))
            .Validate(o => o.AgentCapacity is >= 1 and <= 100, "Hub:Routing:AgentCapacity must be 1 to 100")
            .Validate(o => o.AgentGracePeriod > TimeSpan.Zero && o.PresenceRenewal > TimeSpan.Zero && o.PresenceLease > o.PresenceRenewal,
                "Hub:Routing:AgentGracePeriod and PresenceRenewal must be positive, and PresenceLease longer than PresenceRenewal")
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
        builder.Services.AddOptions<InspectionOptions>()
            .Bind(builder.Configuration.GetSection(InspectionOptions.Section))
            .Validate(o => o.Defaults() is var d && d.NoUpdateWarning > TimeSpan.Zero && d.UnansweredVeto > TimeSpan.Zero
                && d.ReplyTarget > TimeSpan.Zero && d.InactiveAfter > d.NoUpdateWarning,
                "Hub:Inspection thresholds must be positive, and InactiveAfter longer than NoUpdateWarning")
            .Validate(o => o.LiveCheckPeriod >= TimeSpan.FromMinutes(1), "Hub:Inspection:LiveCheckPeriod must be at least a minute (a reminder's finest period)")
            .ValidateOnStart();
        builder.Services.AddOptions<LimitOptions>()
            .Bind(builder.Configuration.GetSection(LimitOptions.Section))
            .Validate(o => new[] { o.CitizenTokens, o.StaffSignIns, o.EventOpens, o.ConversationReturns, o.Messages, o.Typing, o.ConversationStarts, o.Questions, o.Votes, o.DeskChanges }
                .All(l => l.IsValid) && o.OpenConversationsPerAccount > 0,
                "Hub:Limits permits, windows and OpenConversationsPerAccount must be positive")
            .ValidateOnStart();
        builder.Services.AddOptions<DisplayNameOptions>()
            .Bind(builder.Configuration.GetSection(DisplayNameOptions.Section))
            .Validate(o => o.Reserved.All(w => !string.IsNullOrWhiteSpace(w)), "Hub:Identity:ReservedCitizenNames must not hold empty words")
            .ValidateOnStart();
        builder.Services.AddHubWebhookOptions(builder.Configuration);
        builder.Services.AddHubMailOptions(builder.Configuration);
    }

    /// <summary>A cluster host listens on the interface it names, never on all of them by default.</summary>
    private static Action<EndpointOptions> ListenOn(SiloOptions silo)
    {
        var advertised = Address(silo.AdvertisedAddress, "Hub:AdvertisedAddress");
        var listen = string.IsNullOrEmpty(silo.ListenAddress) ? advertised : Address(silo.ListenAddress, "Hub:ListenAddress");
        return endpoints =>
        {
            endpoints.AdvertisedIPAddress = advertised;
            endpoints.SiloPort = silo.SiloPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(listen, silo.SiloPort);
            endpoints.GatewayPort = GatewayPort(silo);
            endpoints.GatewayListeningEndpoint = silo.OpenGateway ? new IPEndPoint(listen, silo.GatewayPort) : null;
        };
    }

    /// <summary>
    /// Heartbeats often enough that a node restarted on a new address stops waiting for its
    /// dead self within seconds: a row update per silo every few seconds costs PostgreSQL little.
    /// </summary>
    private static Action<ClusterMembershipOptions> Heartbeats(HeartbeatOptions membership)
    {
        if (membership.HeartbeatPeriod <= TimeSpan.Zero || membership.MissedHeartbeats < 1)
        {
            throw new InvalidOperationException("Hub:Membership:HeartbeatPeriod must be positive and Hub:Membership:MissedHeartbeats at least 1");
        }
        return options =>
        {
            options.IAmAliveTablePublishTimeout = membership.HeartbeatPeriod;
            options.NumMissedTableIAmAliveLimit = membership.MissedHeartbeats;
        };
    }

    /// <summary>Orleans opens no gateway on port 0.</summary>
    private static int GatewayPort(SiloOptions silo) => silo.OpenGateway ? silo.GatewayPort : 0;

    private static IPAddress Address(string value, string setting) =>
        IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"{setting} '{value}' is not an IP address such as 10.0.0.5");

    private static IPEndPoint? PrimaryEndpoint(SiloOptions silo) =>
        string.IsNullOrEmpty(silo.PrimarySiloEndpoint) ? null
        : IPEndPoint.TryParse(silo.PrimarySiloEndpoint, out var endpoint) ? endpoint
        : throw new InvalidOperationException($"Hub:PrimarySiloEndpoint '{silo.PrimarySiloEndpoint}' is not an IP endpoint such as 127.0.0.1:11111");
}
