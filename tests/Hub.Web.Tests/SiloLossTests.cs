using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Hub.Grains.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Hub.Web.Tests;

/// <summary>
/// When the silo that holds a grain dies, calls to that grain answer "unavailable:" on the hub
/// and 503 problem+json over REST until the cluster has recovered, never a bare
/// "An unexpected error occurred".
/// </summary>
public sealed class SiloLossTests
{
    /// <summary>
    /// Conversations are started until one lives on the silo to be lost, at most this many. The
    /// survivor, which starts them, places grains at random (see <see cref="OnTheTestsTerms"/>), so
    /// that all of them land on the survivor has a chance of one in a million.
    /// </summary>
    private const int MostConversations = 20;

    [Fact]
    public async Task Calls_to_grains_of_a_dead_silo_answer_unavailable()
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:ClusterId"] = $"silo-loss-{Guid.NewGuid():N}",
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // One citizen holds all of the test's conversations with one account.
            ["Hub:Limits:OpenConversationsPerAccount"] = $"{MostConversations}",
            ["Hub:Limits:ConversationStarts:Permits"] = $"{MostConversations}",
            // The calls below must meet the dead silo before the cluster declares it dead: slower
            // heartbeats and probes, and no dashboard, whose polling of every silo finds a dead one at once.
            ["Hub:Membership:HeartbeatPeriod"] = "00:00:30",
            ["Hub:Membership:MissedHeartbeats"] = "3",
            ["Hub:Dashboard:Enabled"] = "false",
        };
        var survivor = new HubAppFactory(settings, services: OnTheTestsTerms);
        try
        {
            var onSurvivor = new HubApi(survivor.Address);
            var doomedAddress = new Uri($"http://127.0.0.1:{HubAppFactory.FreePort()}");
            await using var doomed = await HubProcess.StartWeb(new Dictionary<string, string>(settings)
            {
                ["Hub:Admin:Username"] = HubAppFactory.AdminUsername,
                ["Hub:Admin:Password"] = HubAppFactory.AdminPassword,
                ["Hub:SiloPort"] = HubAppFactory.FreePort().ToString(),
                ["Hub:GatewayPort"] = HubAppFactory.FreePort().ToString(),
                ["Hub:PrimarySiloEndpoint"] = $"127.0.0.1:{survivor.Setting("Hub:SiloPort")}",
            }, doomedAddress);
            var onDoomed = new HubApi(doomedAddress);
            var account = await onDoomed.Account("节点故障测试");
            var citizen = await onDoomed.Citizen();
            var conversationIds = new List<string>();
            await using (var client = await LiveClient.Connect(onSurvivor.Address, citizen.Token))
            {
                for (var i = 0; i < MostConversations && conversationIds.Count == 0; i++)
                {
                    var id = (await client.Invoke<JsonElement>("StartConversation", account, $"咨询 {i}")).Str("conversationId");
                    if (await LivesAwayFrom(survivor, id))
                    {
                        conversationIds.Add(id);
                    }
                }
            }
            Assert.NotEmpty(conversationIds);

            doomed.Kill();

            // REST and hub calls at once, so both meet the silo before the cluster declares it dead.
            var restCalls = Task.WhenAll(conversationIds.Select(id => onSurvivor.Send(HttpMethod.Get, $"/api/conversations/{id}/transcript", citizen.Token)));
            await using var survivorClient = await LiveClient.Connect(onSurvivor.Address, citizen.Token);
            var answers = await Task.WhenAll(conversationIds.Select(id => Answer(survivorClient.Invoke<JsonElement>("GetConversation", id))));
            var rest = await restCalls;

            // SignalR words every hub error "An unexpected error occurred invoking ..."; a bare one lacks the HubException's code.
            Assert.All(answers, a => Assert.Contains("HubException: unavailable: ", a));
            Assert.All(rest, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
            Assert.Equal("unavailable", (await rest[0].Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
        }
        finally
        {
            await StopAfterThePeerDied(survivor);
        }
    }

    /// <summary>
    /// Slow probes: Orleans probes a silo every few seconds and declares it dead after a few failed
    /// probes. Random placement: the default weighs the silos' load from statistics a second old,
    /// so a burst of activations all lands on whichever silo looked idler, and a new silo, busy
    /// starting, gets none.
    /// </summary>
    private static void OnTheTestsTerms(IServiceCollection services)
    {
        services.Configure<ClusterMembershipOptions>(options => options.ProbeTimeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<PlacementStrategy, RandomPlacement>();
    }

    private static async Task<bool> LivesAwayFrom(HubAppFactory node, string conversationId)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var home = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IConversationGrain>(conversationId));
        return home is not null && home != node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    /// <summary>
    /// Stops the survivor. Its graceful stop may wait on the killed silo, which the slowed
    /// heartbeats have not yet declared dead, until the host's shutdown time runs out: a stop
    /// that is cut short is not what this test is about.
    /// </summary>
    private static async Task StopAfterThePeerDied(HubAppFactory survivor)
    {
        try
        {
            await survivor.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<string> Answer(Task<JsonElement> call)
    {
        try
        {
            await call;
            return "answered";
        }
        catch (HubException refused)
        {
            return refused.Message;
        }
    }
}
