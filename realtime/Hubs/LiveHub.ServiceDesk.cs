using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>Supervisors run an account's service desk: they see it live and move work between agents.</summary>
public sealed partial class LiveHub
{
    /// <summary>The account's queue, its agents and their load.</summary>
    /// <roles>supervisor</roles>
    public Task<ServiceDesk> GetServiceDesk(string accountId) =>
        Account(accountId).GetServiceDesk(Caller);

    /// <summary>How many open conversations the agent holds before new ones queue.</summary>
    /// <roles>supervisor</roles>
    public async Task SetAgentCapacity(string accountId, string agentId, int capacity)
    {
        var (caller, account) = (Caller, Account(accountId));
        await Take(caller, UserAction.DeskChange);
        await account.SetAgentCapacity(caller, agentId, capacity);
    }

    /// <summary>Moves a conversation to another agent of the account.</summary>
    /// <roles>supervisor</roles>
    public async Task ReassignConversation(string accountId, string conversationId, string toAgentId)
    {
        var (caller, account) = (Caller, Account(accountId));
        conversationId = GeneratedId.Require(conversationId, "conversation");
        await Take(caller, UserAction.DeskChange);
        await account.Reassign(caller, conversationId, toAgentId);
    }

    private IAccountGrain Account(string? accountId) => grains.GetGrain<IAccountGrain>(AccountId.Require(accountId));
}
