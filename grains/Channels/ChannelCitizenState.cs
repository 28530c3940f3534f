namespace Hub.Grains.Channels;

[GenerateSerializer, Alias("hub.channel-citizen-state")]
public sealed class ChannelCitizenState
{
    [Id(0)] public ChannelCitizen? Citizen { get; set; }
    [Id(1)] public string? ConversationId { get; set; }

    /// <summary>The latest message ids taken, oldest first; a channel retries within minutes, so a short memory is enough.</summary>
    [Id(2)] public List<string> RecentMessageIds { get; set; } = [];

    /// <summary>Taken but not yet in a conversation.</summary>
    [Id(3)] public List<InboundMessage> Inbox { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("hub.channel-inbound")]
public sealed record InboundMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset ReceivedAt);
