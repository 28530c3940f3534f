namespace Hub.Grains.Questions;

/// <summary>A question as the event grain keeps it; <see cref="Question"/> is what clients see.</summary>
[GenerateSerializer, Alias("hub.question-record")]
public sealed class QuestionRecord
{
    [Id(0)] public string QuestionId { get; set; } = "";
    [Id(1)] public string AuthorId { get; set; } = "";
    [Id(2)] public string AuthorName { get; set; } = "";
    [Id(3)] public string Text { get; set; } = "";
    [Id(4)] public string Status { get; set; } = QuestionStatus.Pending;

    /// <summary>Who voted: one vote per citizen, and merged questions add up without counting anyone twice.</summary>
    [Id(5)] public HashSet<string> Voters { get; set; } = [];
    [Id(6)] public string? Answer { get; set; }
    [Id(7)] public string? AnsweredBy { get; set; }
    [Id(8)] public DateTimeOffset AskedAt { get; set; }
    [Id(9)] public DateTimeOffset? AnsweredAt { get; set; }
    [Id(10)] public string? RejectReason { get; set; }
    [Id(11)] public string? MergedInto { get; set; }

    /// <summary>Earlier questions this one may repeat, offered to moderators to merge.</summary>
    [Id(12)] public List<string> Resembles { get; set; } = [];
    [Id(13)] public long Number { get; set; }

    /// <summary>The id the author's client gave it, so asking again returns this question.</summary>
    [Id(14)] public string ClientQuestionId { get; set; } = "";

    public bool IsPublic => Status is QuestionStatus.Approved or QuestionStatus.Answered;

    /// <summary>The same question with the given voters: stores keep copies, never the grain's own objects.</summary>
    public QuestionRecord Copy(HashSet<string> voters)
    {
        var copy = (QuestionRecord)MemberwiseClone();
        copy.Voters = voters;
        copy.Resembles = [.. Resembles];
        return copy;
    }
}

public static class QuestionStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Answered = "answered";

    /// <summary>Folded into another question by a moderator.</summary>
    public const string Merged = "merged";
}
