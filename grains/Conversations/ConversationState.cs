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
    [Id(8)] public List<ChatMessage> Messages { get; set; } = [];

    /// <summary>Seq of each message by sender and client message id, so a resend stores nothing new.</summary>
    [Id(9)] public Dictionary<string, long> SeqByClientMessage { get; set; } = [];

    /// <summary>The highest seq each participant has read.</summary>
    [Id(10)] public Dictionary<string, long> LastRead { get; set; } = [];
    [Id(11)] public int? QueuePosition { get; set; }
    [Id(12)] public int? Rating { get; set; }
    [Id(13)] public List<TransferRecord> Transfers { get; set; } = [];
    [Id(14)] public DateTimeOffset CreatedAt { get; set; }
    [Id(15)] public DateTimeOffset? ResolvedAt { get; set; }

    public long LastSeq => Messages.Count;
}

/// <summary>A hand-over to another account, kept so the new agent sees why it came.</summary>
[GenerateSerializer, Immutable, Alias("hub.transfer-record")]
public sealed record TransferRecord(
    [property: Id(0)] string FromAccountId,
    [property: Id(1)] string ToAccountId,
    [property: Id(2)] string ByAgentId,
    [property: Id(3)] string Note,
    [property: Id(4)] DateTimeOffset At);
