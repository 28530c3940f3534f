namespace Hub.Grains.Channels;

[GenerateSerializer, Alias("hub.channel-outbox-state")]
public sealed class ChannelOutboxState
{
    [Id(0)] public ChannelCitizen? Citizen { get; set; }
    [Id(1)] public DateTimeOffset? LastCitizenMessageAt { get; set; }
    [Id(2)] public List<ChannelReply> Replies { get; set; } = [];
}
