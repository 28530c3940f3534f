namespace Hub.LoadTests.Scenarios;

/// <summary>
/// The crowd of one live Q&amp;A: anonymous viewers, citizens who ask, citizens who vote, and how
/// many viewers time when votes become visible. The hub allows a citizen 30 votes and 5
/// questions a minute by default, and one vote per question, so heavy voting needs many voters,
/// or many questions: a run offers at most voters times questions votes. The askers share the
/// seed questions (one each unless <paramref name="SeedQuestions"/> asks for more).
/// </summary>
public sealed record QaStormOptions(int Viewers, int Askers, int Voters, int Observers, int? SeedQuestions = null)
{
    public int Seeds => SeedQuestions ?? Askers;
}
