using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Accounts;

/// <summary>The persisted state of one account: its profile, staff, agents and queue.</summary>
[GenerateSerializer, Alias("hub.account-state")]
public sealed class AccountState
{
    [Id(0)] public AccountProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, StaffMember> Staff { get; set; } = [];
    [Id(2)] public Dictionary<string, AgentSlot> Agents { get; set; } = [];
    [Id(3)] public List<QueuedConversation> Queue { get; set; } = [];

    /// <summary>Words that no question on this account's live boards may contain.</summary>
    [Id(4)] public List<string> RestrictedWords { get; set; } = [];

    /// <summary>The citizen of each open (queued or assigned) conversation, to cap how many one citizen holds.</summary>
    [Id(5)] public Dictionary<string, string> OpenCitizens { get; set; } = [];

    /// <summary>Business calendar and service-level targets as the supervisors set them; null for the defaults.</summary>
    [Id(20)] public ServiceLevelPolicy? ServiceLevels { get; set; }

    /// <summary>The service-level clocks of each open conversation, as the conversations last reported them.</summary>
    [Id(21)] public Dictionary<string, ConversationServiceLevel> ServiceLevelWatch { get; set; } = [];

    /// <summary>The kinds of demand this account's conversations are labelled with (咨询, 投诉, ...), in the supervisor's order.</summary>
    [Id(22)] public List<string> Labels { get; set; } = [];

    /// <summary>The labels of each open conversation that has any, so the service desk lists them without asking each conversation.</summary>
    [Id(23)] public Dictionary<string, List<string>> OpenLabels { get; set; } = [];

    /// <summary>The supervisor's switch: citizens leave messages instead of waiting for a live chat.</summary>
    [Id(24)] public bool LeaveMessagesOnly { get; set; }
}

/// <summary>One agent's place in routing: whether they take work and what they hold.</summary>
[GenerateSerializer, Alias("hub.agent-slot")]
public sealed class AgentSlot
{
    [Id(0)] public bool Available { get; set; }
    [Id(1)] public HashSet<string> Open { get; set; } = [];
    [Id(2)] public DateTimeOffset? LastAssignedAt { get; set; }
    [Id(3)] public DateTimeOffset? AvailableSince { get; set; }

    /// <summary>This agent's capacity as their supervisor set it; null for the account's default.</summary>
    [Id(4)] public int? Capacity { get; set; }

    /// <summary>Since when this agent has waited for work: ties in load go to the longest wait.</summary>
    public DateTimeOffset WaitingSince => LastAssignedAt ?? AvailableSince ?? DateTimeOffset.MinValue;
}

[GenerateSerializer, Immutable, Alias("hub.queued-conversation")]
public sealed record QueuedConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string CitizenId,
    [property: Id(2)] DateTimeOffset EnqueuedAt,
    [property: Id(3)] string Subject = "");
