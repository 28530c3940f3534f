namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// Default inspection thresholds, bound from <c>Hub:Inspection</c>; an inspecting body may set
/// its own. No update in 14 days is a warning and a citizen message unanswered for over 3 months
/// a veto (the national inspection indicators; 国办发〔2018〕123号 asks for an update at least every
/// two weeks); an account with no update for 6 months is inactive and proposed for closure.
/// </summary>
public sealed class InspectionOptions
{
    public const string Section = "Hub:Inspection";

    public TimeSpan NoUpdateWarning { get; set; } = TimeSpan.FromDays(14);
    public TimeSpan UnansweredVeto { get; set; } = TimeSpan.FromDays(90);
    public TimeSpan InactiveAfter { get; set; } = TimeSpan.FromDays(180);
    public TimeSpan ReplyTarget { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often an account's indicators look again at flags that rise with time alone (no update
    /// in 14 days, a message unanswered for 90), so followers hear of them without anything happening.
    /// </summary>
    public TimeSpan LiveCheckPeriod { get; set; } = TimeSpan.FromHours(1);

    public InspectionRules Defaults() => new(NoUpdateWarning, UnansweredVeto, InactiveAfter, ReplyTarget);
}
