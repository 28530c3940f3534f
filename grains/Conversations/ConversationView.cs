namespace Hub.Grains.Conversations;

/// <summary>
/// A conversation as one participant sees it: <see cref="Unread"/> counts the other side's
/// messages after the caller's last read, <see cref="OtherReadSeq"/> is how far the other side has read.
/// Staff also see the due times of the service-level clocks still running, the clocks breached,
/// and the <see cref="Labels"/> (empty for the citizen).
/// <see cref="ReturnCode"/> is in the answer to the citizen's start only: it is shown once and never kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.conversation-view")]
public sealed record ConversationView(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string AccountName,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Status,
    [property: Id(5)] string CitizenId,
    [property: Id(6)] string CitizenName,
    [property: Id(7)] string? AgentId,
    [property: Id(8)] string? AgentName,
    [property: Id(9)] long LastSeq,
    [property: Id(10)] int? QueuePosition,
    [property: Id(11)] int? Rating,
    [property: Id(12)] int Unread,
    [property: Id(13)] string? TransferNote,
    [property: Id(14)] string? FromAccountId,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] long OtherReadSeq,
    [property: Id(17)] string? TransferReason = null,
    [property: Id(40)] DateTimeOffset? FirstResponseDue = null,
    [property: Id(41)] DateTimeOffset? ResolutionDue = null,
    [property: Id(42)] IReadOnlyList<string>? Breaches = null,
    [property: Id(20)] IReadOnlyList<string>? Labels = null,
    [property: Id(30)] string Reference = "",
    [property: Id(31)] bool LeftMessage = false,
    [property: Id(32)] string? ReturnCode = null);
