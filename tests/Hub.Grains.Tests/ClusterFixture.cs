using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Questions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Hub.Grains.Tests;

/// <summary>One in-process Orleans cluster for all grain tests; each test uses fresh grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int AgentCapacity = 2;
    public const int VoteLimit = 3;

    // The silo is built by Orleans from a type, so the doubles it shares with tests are static.
    public static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    public static readonly RecordingPush Push = new();

    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private const string RealStorage = "memory";

        public void Configure(ISiloBuilder silo)
        {
            silo.AddHubGrainServices();
            silo.AddMemoryGrainStorage(RealStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains,
                (services, _) => new FaultyStorage(services.GetRequiredKeyedService<IGrainStorage>(RealStorage)));
            silo.Services.AddKeyedSingleton<TimeProvider>(HubClock.Key, Time);
            silo.Services.AddSingleton<IMessageLog>(new FaultyMessageLog(new InMemoryMessageLog()));
            silo.Services.AddSingleton<IClientPush>(Push);
            silo.Services.Configure<RoutingOptions>(o =>
            {
                o.AgentCapacity = AgentCapacity;
                // Accounts look for gone agents this often in real time; who is gone is judged on the fake clock.
                o.PresenceRenewal = TimeSpan.FromMilliseconds(100);
            });
            silo.Services.Configure<QuestionOptions>(o =>
            {
                o.VoteLimit = VoteLimit;
                o.VotePushPeriod = TimeSpan.FromMilliseconds(50);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
