namespace Hub.Grains.Channels;

/// <summary>
/// Told to the agent whose reply could not go out because the channel's reply window had shut
/// (<see cref="LastCitizenMessageAt"/> plus <see cref="Window"/>): the reply waits as an
/// offline reply and goes out when the citizen writes again.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.channel-reply-held")]
public sealed record ChannelReplyHeld(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Channel,
    [property: Id(3)] DateTimeOffset? LastCitizenMessageAt,
    [property: Id(4)] TimeSpan Window);
