namespace Hub.LoadTests.Scenarios;

/// <summary>
/// The crowd of one live Q&amp;A: anonymous viewers, citizens who ask, citizens who vote, and how
/// many viewers time when votes become visible. The hub allows a citizen 30 votes and 5
/// questions a minute by default, and one vote per question, so heavy voting needs many voters,
/// or many questions: a run offers at most voters times questions votes. The askers share the
/// seed questions (one each unless <paramref name="SeedQuestions"/> asks for more). Viewers follow
/// the board as the pages do (one <c>votesChanged</c> frame per period), or with
/// <paramref name="PerQuestionVotes"/> the contract's way (a <c>questionUpdated</c> per changed question).
/// </summary>
public sealed record QaStormOptions(int Viewers, int Askers, int Voters, int Observers, int? SeedQuestions = null, bool PerQuestionVotes = false)
{
    public const string FollowOption = "--follow";

    public int Seeds => SeedQuestions ?? Askers;

    public string FollowMethod => PerQuestionVotes ? "FollowEvent" : "FollowEventBoard";

    /// <summary>Reads <see cref="FollowOption"/>: <c>board</c> (the default) or <c>event</c>.</summary>
    public static bool ParsePerQuestionVotes(string? follow) => follow switch
    {
        null or "board" => false,
        "event" => true,
        _ => throw new ArgumentException($"{FollowOption} is board or event, not '{follow}'"),
    };
}
