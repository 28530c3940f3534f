namespace Hub.Grains.PublicEvents;

/// <summary>
/// A statement on its way to the timeline: drafted (and edited) by press officers,
/// approved by one who did not write it, then published as an update.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.statement")]
public sealed record Statement(
    [property: Id(0)] string EventId,
    [property: Id(1)] string StatementId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Text,
    [property: Id(4)] string Status,
    [property: Id(5)] IReadOnlyList<string> Authors,
    [property: Id(6)] string DraftedBy,
    [property: Id(7)] string DraftedByName,
    [property: Id(8)] string? ApprovedBy,
    [property: Id(9)] string? ApprovedByName,
    [property: Id(10)] long? PublishedSeq,
    [property: Id(11)] string? CorrectsStatementId,
    [property: Id(12)] string? Rumour,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt);

public static class StatementKinds
{
    public const string Statement = "statement";

    /// <summary>Replaces what a published statement said; followers see both, linked.</summary>
    public const string Correction = "correction";

    /// <summary>Answers a rumour, which it quotes.</summary>
    public const string Rebuttal = "rebuttal";
}

public static class StatementStatus
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Published = "published";
}
