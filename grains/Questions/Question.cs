using System.Text.Json.Serialization;

namespace Hub.Grains.Questions;

/// <summary>
/// A question in the contract's shape (eventId, questionId, text, votes, status, answer),
/// with who asked, when, and what moderators need: why it was rejected, where it was merged,
/// which earlier questions it resembles. Viewers see the author only as the board's
/// pseudonym; the author's id and name are left out (null, and absent from JSON) except
/// for the event's staff and the author themself.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.question")]
public sealed record Question(
    [property: Id(0)] string EventId,
    [property: Id(1)] string QuestionId,
    [property: Id(2)] string Text,
    [property: Id(3)] int Votes,
    [property: Id(4)] string Status,
    [property: Id(5)] string? Answer,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthorId,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthorName,
    [property: Id(8)] DateTimeOffset AskedAt,
    [property: Id(9)] DateTimeOffset? AnsweredAt,
    [property: Id(10)] string? RejectReason,
    [property: Id(11)] string? MergedInto,
    [property: Id(12)] IReadOnlyList<string> Resembles,
    [property: Id(13)] string AuthorPseudonym)
{
    /// <param name="pseudonym">The author's number on this board (<see cref="AuthorPseudonyms"/>).</param>
    /// <param name="revealAuthor">True only for the event's staff and the author themself.</param>
    public static Question Of(string eventId, QuestionRecord record, string pseudonym, bool revealAuthor) => new(
        eventId, record.QuestionId, record.Text, record.Voters.Count, record.Status, record.Answer,
        revealAuthor ? record.AuthorId : null, revealAuthor ? record.AuthorName : null,
        record.AskedAt, record.AnsweredAt, record.RejectReason, record.MergedInto, [.. record.Resembles], pseudonym);
}

/// <summary>A moderator's decision, kept with its reason; moderators read the log.</summary>
[GenerateSerializer, Immutable, Alias("hub.moderation-entry")]
public sealed record ModerationEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string ModeratorId,
    [property: Id(2)] string ModeratorName,
    [property: Id(3)] string QuestionId,
    [property: Id(4)] string Decision,
    [property: Id(5)] string? Reason);

/// <summary>
/// What a moderator works from: the pending questions, the log of decisions, and the
/// public board with its authors (the snapshot shows them only by pseudonym).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.moderation-queue")]
public sealed record ModerationQueue(
    [property: Id(0)] IReadOnlyList<Question> Pending,
    [property: Id(1)] IReadOnlyList<ModerationEntry> Log,
    [property: Id(2)] IReadOnlyList<Question> Board);

/// <summary>The question being answered now, for every viewer; null question when unpinned.</summary>
[GenerateSerializer, Immutable, Alias("hub.question-pinned")]
public sealed record QuestionPinned(
    [property: Id(0)] string EventId,
    [property: Id(1)] string? QuestionId,
    [property: Id(2)] Question? Question);

/// <summary>The ranking of a board: most votes first, ties to the earlier question.</summary>
public static class QuestionRanking
{
    public static IEnumerable<QuestionRecord> Rank(IEnumerable<QuestionRecord> questions) =>
        questions.OrderByDescending(q => q.Voters.Count).ThenBy(q => q.Number);
}
