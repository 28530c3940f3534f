using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Conversations;

[GenerateSerializer, Alias("hub.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ConversationStatus Status { get; set; }
    [Id(1)] public string AccountId { get; set; } = "";
    [Id(2)] public string AccountName { get; set; } = "";
    [Id(3)] public string CitizenId { get; set; } = "";
    [Id(4)] public string CitizenName { get; set; } = "";
    [Id(5)] public string Subject { get; set; } = "";
    [Id(6)] public string? AgentId { get; set; }
    [Id(7)] public string? AgentName { get; set; }
    // Ids 8 and 9 held the messages before they moved to the message log; they stay unused.

    /// <summary>The highest seq each participant has read.</summary>
    [Id(10)] public Dictionary<string, long> LastRead { get; set; } = [];
    [Id(11)] public int? QueuePosition { get; set; }
    [Id(12)] public int? Rating { get; set; }
    [Id(13)] public List<TransferRecord> Transfers { get; set; } = [];
    [Id(14)] public DateTimeOffset CreatedAt { get; set; }
    [Id(15)] public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Staff's private notes, oldest first; never sent to the citizen.</summary>
    [Id(16)] public List<StaffNote> Notes { get; set; } = [];

    /// <summary>The service-level clocks, fixed in business time when the conversation started.</summary>
    [Id(40)] public List<ServiceLevelClock> ServiceClocks { get; set; } = [];

    /// <summary>The kinds of demand staff labelled it with, from its account's set; never shown to the citizen.</summary>
    [Id(20)] public List<string> Labels { get; set; } = [];

    /// <summary>The number citizens quote (<c>HB-20261130-0042</c>).</summary>
    [Id(30)] public string Reference { get; set; } = "";

    /// <summary>Started while the account took no live chats, or nobody was on duty: the citizen left a message.</summary>
    [Id(31)] public bool LeftMessage { get; set; }

    /// <summary>The name of every agent who held the conversation, for its transcript.</summary>
    [Id(32)] public Dictionary<string, string> AgentNames { get; set; } = [];
}

/// <summary>
/// A hand-over to another account, or to another agent of the same account (handed back or
/// reassigned: <see cref="Reason"/>), kept so the new agent sees why it came.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.transfer-record")]
public sealed record TransferRecord(
    [property: Id(0)] string FromAccountId,
    [property: Id(1)] string ToAccountId,
    [property: Id(2)] string ByAgentId,
    [property: Id(3)] string Note,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Reason = null);
