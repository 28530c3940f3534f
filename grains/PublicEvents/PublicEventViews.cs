using Hub.Grains.Questions;

namespace Hub.Grains.PublicEvents;

/// <summary>Everything a follower needs to show an event; a reconnecting follower gets it whole.</summary>
[GenerateSerializer, Immutable, Alias("hub.public-event-snapshot")]
public sealed record PublicEventSnapshot(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Severity,
    [property: Id(4)] string Status,
    [property: Id(5)] IReadOnlyList<EventUpdate> Updates,
    [property: Id(6)] IReadOnlyList<Question> Questions,
    [property: Id(7)] string LeadAccountId,
    [property: Id(8)] IReadOnlyList<string> AccountIds,
    [property: Id(9)] DateTimeOffset OpenedAt,
    [property: Id(10)] DateTimeOffset? ClosedAt,
    [property: Id(11)] string? ClosingSummary,
    [property: Id(12)] IReadOnlyList<LegalClock> Clocks,
    [property: Id(13)] IReadOnlyList<PressConference> PressConferences,
    [property: Id(14)] string? PinnedQuestionId);

/// <summary>One line of the event list.</summary>
[GenerateSerializer, Immutable, Alias("hub.public-event-summary")]
public sealed record PublicEventSummary(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Severity,
    [property: Id(4)] string Status,
    [property: Id(5)] string LeadAccountId,
    [property: Id(6)] IReadOnlyList<string> AccountIds,
    [property: Id(7)] DateTimeOffset OpenedAt);

/// <summary>What a press officer asks for when opening an event.</summary>
[GenerateSerializer, Immutable, Alias("hub.public-event-request")]
public sealed record PublicEventRequest(
    [property: Id(0)] string? AccountId,
    [property: Id(1)] string? Kind,
    [property: Id(2)] string? Title,
    [property: Id(3)] int? Severity);

/// <summary>A new statement: plain, a correction of a published one, or a rebuttal of a rumour.</summary>
[GenerateSerializer, Immutable, Alias("hub.statement-draft")]
public sealed record StatementDraft(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Text,
    [property: Id(2)] string? CorrectsStatementId = null,
    [property: Id(3)] string? Rumour = null);
