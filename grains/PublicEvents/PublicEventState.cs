using Hub.Grains.Questions;

namespace Hub.Grains.PublicEvents;

[GenerateSerializer, Alias("hub.public-event-state")]
public sealed class PublicEventState
{
    [Id(0)] public string Kind { get; set; } = "";
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public int Severity { get; set; }
    [Id(3)] public string Status { get; set; } = "";

    /// <summary>The lead account first, then the cooperating accounts it invited.</summary>
    [Id(4)] public List<string> AccountIds { get; set; } = [];
    [Id(5)] public DateTimeOffset OpenedAt { get; set; }
    [Id(6)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(7)] public string? ClosingSummary { get; set; }
    [Id(8)] public List<Statement> Statements { get; set; } = [];
    // Id 9 held the published updates before they moved to the update log; it stays unused.
    [Id(10)] public List<LegalClock> Clocks { get; set; } = [];
    [Id(11)] public List<PressConference> PressConferences { get; set; } = [];
    [Id(12)] public List<AuditEntry> Audit { get; set; } = [];
    // Ids 13 and 14 held the questions before they moved to the question store; they stay unused.
    [Id(15)] public List<ModerationEntry> ModerationLog { get; set; } = [];
    [Id(16)] public string? PinnedQuestionId { get; set; }

    /// <summary>The board's own key for its authors' pseudonyms, so they cannot be linked across boards.</summary>
    [Id(17)] public byte[]? PseudonymKey { get; set; }

    public bool Exists => Kind.Length > 0;

    public string LeadAccountId => AccountIds[0];
}

[GenerateSerializer, Immutable, Alias("hub.press-conference")]
public sealed record PressConference(
    [property: Id(0)] DateTimeOffset HeldAt,
    [property: Id(1)] string Place,
    [property: Id(2)] string RecordedBy,
    [property: Id(3)] string RecordedByName,
    [property: Id(4)] DateTimeOffset RecordedAt);

/// <summary>Who did what to the event, and when; shown to the event's staff.</summary>
[GenerateSerializer, Immutable, Alias("hub.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string ActorId,
    [property: Id(2)] string ActorName,
    [property: Id(3)] string Action,
    [property: Id(4)] string Detail);
