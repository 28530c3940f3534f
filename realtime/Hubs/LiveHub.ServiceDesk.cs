using Hub.Grains.Accounts;
using Hub.Grains.Common;

namespace Hub.Realtime.Hubs;

/// <summary>Supervisors run an account's service desk: they see it live and move work between agents.</summary>
public sealed partial class LiveHub
{
    public Task<ServiceDesk> GetServiceDesk(string accountId) =>
        Account(accountId).GetServiceDesk(Caller);

    public Task SetAgentCapacity(string accountId, string agentId, int capacity) =>
        Account(accountId).SetAgentCapacity(Caller, agentId, capacity);

    public Task ReassignConversation(string accountId, string conversationId, string toAgentId) =>
        Account(accountId).Reassign(Caller, GeneratedId.Require(conversationId, "conversation"), toAgentId);

    private IAccountGrain Account(string? accountId) => grains.GetGrain<IAccountGrain>(AccountId.Require(accountId));
}
