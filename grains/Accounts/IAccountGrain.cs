using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>
/// One government account: its profile, its staff roster, and the single writer of its
/// routing, so two conversations can never race for the same agent.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; repeating the same profile is harmless, another is a conflict.</summary>
    Task Create(AccountProfile profile);

    /// <summary>The profile; not_found when the account does not exist.</summary>
    Task<AccountProfile> GetProfile();

    /// <summary>
    /// Adds a member to the roster or updates their name, roles and standing; a member with no
    /// roles here leaves the roster. A member who can no longer take conversations gets no new ones.
    /// </summary>
    Task SetStaff(StaffMember member);

    /// <summary>The roster; not_found when the account does not exist.</summary>
    Task<IReadOnlyList<StaffMember>> GetStaff();

    /// <summary>An agent of this account starts or stops taking conversations.</summary>
    Task SetAvailability(string agentId, bool available);

    /// <summary>These agents hold a live connection on that node: they are present for one lease more.</summary>
    Task RenewPresence(string nodeId, IReadOnlyList<string> agentIds);

    /// <summary>The agent's last connection on that node closed: no new conversations unless another node renews them.</summary>
    Task LeavePresence(string nodeId, string agentId);

    /// <summary>Routes a conversation to an agent now, or queues it first in first out.</summary>
    Task<RoutingResult> RequestAgent(RoutingRequest request);

    /// <summary>A conversation left its agent (resolved or transferred): frees capacity and drains the queue.</summary>
    Task Release(string conversationId, string agentId);

    /// <summary>Replaces the restricted-word list; admins and the account's moderators and press officers may.</summary>
    Task SetRestrictedWords(Caller caller, IReadOnlyList<string> words);

    Task<IReadOnlyList<string>> GetRestrictedWords();

    /// <summary>The queue and each agent's presence and load; the account's supervisors only.</summary>
    Task<ServiceDesk> GetServiceDesk(Caller supervisor);

    /// <summary>A supervisor sets how many open conversations one agent holds before new ones queue.</summary>
    Task SetAgentCapacity(Caller supervisor, string agentId, int capacity);

    /// <summary>A supervisor moves an open conversation (queued or assigned) to a named agent who is connected.</summary>
    Task Reassign(Caller supervisor, string conversationId, string toAgentId);

    /// <summary>A supervisor turns "leave messages only" on or off: citizens who start then leave a message.</summary>
    Task SetLeaveMessagesOnly(Caller supervisor, bool leaveMessagesOnly);

    /// <summary>Whether a citizen who starts now gets a live chat or leaves a message; anyone may ask.</summary>
    Task<Intake> GetIntake();

    /// <summary>The open conversations assigned to one agent of this account.</summary>
    Task<IReadOnlyList<string>> GetOpenConversations(string agentId);
}
