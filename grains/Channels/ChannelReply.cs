namespace Hub.Grains.Channels;

/// <summary>One agent reply in a channel citizen's outbox, and where its delivery stands.</summary>
[GenerateSerializer, Immutable, Alias("hub.channel-reply")]
public sealed record ChannelReply(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string Text,
    [property: Id(4)] string Status = ChannelReply.Pending,
    [property: Id(5)] int Attempts = 0,
    [property: Id(6)] DateTimeOffset? NextAttemptAt = null,
    [property: Id(7)] string? LastError = null,
    [property: Id(8)] DateTimeOffset? WrittenAt = null)
{
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>Waiting as an offline reply: the channel's reply window had shut.</summary>
    public const string Held = "held";
    public const string Failed = "failed";
}
