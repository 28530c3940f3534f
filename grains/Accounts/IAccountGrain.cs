using Hub.Grains.Common;
using Hub.Grains.ServiceLevels;
using Orleans.Concurrency;

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

    /// <summary>The account's labels for the kind of demand; its staff and admins read them.</summary>
    Task<IReadOnlyList<string>> GetLabels(Caller staff);

    /// <summary>A supervisor (or admin) replaces the set of labels; conversations keep labels that leave it.</summary>
    Task SetLabels(Caller keeper, IReadOnlyList<string> labels);

    /// <summary>not_found unless the label is one of the account's.</summary>
    Task RequireLabel(string label);

    /// <summary>A conversation's labels changed: the desk lists them while it is open here.</summary>
    Task TrackLabels(string conversationId, IReadOnlyList<string> labels);

    /// <summary>The agents of this account an agent could hand a conversation to now: connected, available and with room.</summary>
    Task<IReadOnlyList<Colleague>> GetTransferTargets(Caller agent);

    /// <summary>
    /// The assigned agent hands a conversation to a named colleague of the same account, who
    /// sees the history and, as a private note, what the agent wrote.
    /// </summary>
    Task TransferToAgent(Caller agent, string conversationId, string toAgentId, string note);

    /// <summary>A supervisor turns "leave messages only" on or off: citizens who start then leave a message.</summary>
    Task SetLeaveMessagesOnly(Caller supervisor, bool leaveMessagesOnly);

    /// <summary>Whether a citizen who starts now gets a live chat or leaves a message; anyone may ask.</summary>
    Task<Intake> GetIntake();

    /// <summary>The open conversations assigned to one agent of this account.</summary>
    Task<IReadOnlyList<string>> GetOpenConversations(string agentId);

    /// <summary>Business calendar and service-level targets, for admins and the account's staff.</summary>
    Task<ServiceLevelSettings> GetServiceLevels(Caller caller);

    /// <summary>Replaces the business calendar and targets; admins and the account's supervisors. Conversations already open keep theirs.</summary>
    Task<ServiceLevelSettings> SetServiceLevels(Caller caller, ServiceLevelSettings settings);

    /// <summary>The calendar and targets a conversation starting now is held to.</summary>
    Task<ServiceLevelPolicy> GetServiceLevelPolicy();

    /// <summary>An open conversation reports its clocks for the desk; one-way, so a conversation never waits on a busy account.</summary>
    [OneWay]
    Task TrackServiceLevel(ConversationServiceLevel report);
}
