namespace Hub.Grains.Questions;

/// <summary>Protections of a live Q&amp;A board, bound from <c>Hub:Questions</c>.</summary>
public sealed class QuestionOptions
{
    public const string Section = "Hub:Questions";

    /// <summary>Questions one citizen may ask per <see cref="AskWindow"/>.</summary>
    public int AskLimit { get; set; } = 5;
    public TimeSpan AskWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Votes one citizen may cast per <see cref="VoteWindow"/>.</summary>
    public int VoteLimit { get; set; } = 30;
    public TimeSpan VoteWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Votes waiting for their write beyond which new ones are shed with rate_limited.</summary>
    public int MaxPendingVotes { get; set; } = 5_000;

    /// <summary>How often changed vote counts are pushed to viewers; the last count always goes out.</summary>
    public TimeSpan VotePushPeriod { get; set; } = TimeSpan.FromMilliseconds(250);
}
