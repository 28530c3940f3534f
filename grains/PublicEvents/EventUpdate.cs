namespace Hub.Grains.PublicEvents;

/// <summary>A published statement on the event's timeline; <see cref="Seq"/> is gapless from 1.</summary>
[GenerateSerializer, Immutable, Alias("hub.event-update")]
public sealed record EventUpdate(
    [property: Id(0)] string EventId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string StatementId,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset PublishedAt,
    [property: Id(5)] string Kind,
    [property: Id(6)] string? CorrectsStatementId,
    [property: Id(7)] long? CorrectsSeq,
    [property: Id(8)] string? Rumour);
