using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;

namespace Hub.Grains.Tests;

/// <summary>Builds accounts, agents and citizens with fresh keys, so tests never share state.</summary>
public sealed class Scenario(ClusterFixture fixture)
{
    public IGrainFactory Grains => fixture.Grains;

    public static Caller Citizen(string name = "市民") => new($"c-{Guid.NewGuid():N}", name, [Roles.Citizen], []);

    public static Caller Staff(string accountId, params string[] roles) =>
        new($"s-{Guid.NewGuid():N}", $"officer {roles.FirstOrDefault()}", roles, [accountId]);

    public async Task<string> Account(string name = "市政务服务热线")
    {
        var id = $"t-{Guid.NewGuid():N}";
        await Grains.GetGrain<IAccountGrain>(id).Create(new AccountProfile(id, name, "政务服务管理局", ClusterFixture.Time.GetUtcNow()));
        return id;
    }

    public async Task<Caller> Agent(string accountId, bool available = true)
    {
        var agent = Staff(accountId, Roles.Agent);
        var account = Grains.GetGrain<IAccountGrain>(accountId);
        await account.SetStaff(new StaffMember(agent.UserId, agent.DisplayName, agent.Roles));
        await account.RenewPresence(Node, [agent.UserId]);
        if (available)
        {
            await account.SetAvailability(agent.UserId, true);
        }
        return agent;
    }

    /// <summary>The node the scenario's agents are connected to.</summary>
    public const string Node = "test-node";

    public Task SetAvailable(string accountId, Caller agent, bool available) =>
        Grains.GetGrain<IAccountGrain>(accountId).SetAvailability(agent.UserId, available);

    public async Task<(IConversationGrain Grain, ConversationView View)> Start(string accountId, Caller citizen, string subject = "咨询")
    {
        var grain = Grains.GetGrain<IConversationGrain>(Guid.NewGuid().ToString("N"));
        var view = await grain.Start(citizen, accountId, subject);
        return (grain, view);
    }

    /// <summary>Lets time pass, so "who waited longest" has an answer.</summary>
    public static void Tick() => ClusterFixture.Time.Advance(TimeSpan.FromSeconds(1));
}
