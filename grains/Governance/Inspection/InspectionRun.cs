namespace Hub.Grains.Governance.Inspection;

/// <summary>A snapshot of every account of a body's subtree, ranked by score, best first.</summary>
[GenerateSerializer, Immutable, Alias("hub.inspection-run")]
public sealed record InspectionRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] string BodyId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] InspectionRules Rules,
    [property: Id(4)] IReadOnlyList<InspectedAccount> Accounts,
    [property: Id(5)] string? ScheduleId = null)
{
    public RunSummary Summarize() =>
        new(RunId, At, Accounts.Count, Accounts.Count(a => a.Indicators.Flags.Count > 0),
            Accounts.Count(a => a.Indicators.Flags.Contains(InspectionFlags.Veto)),
            Accounts.Count == 0 ? null : Accounts.Average(a => a.Indicators.Score));
}

[GenerateSerializer, Immutable, Alias("hub.inspected-account")]
public sealed record InspectedAccount(
    [property: Id(0)] int Rank,
    [property: Id(1)] string BodyId,
    [property: Id(2)] AccountIndicators Indicators);

/// <summary>One point of the trend: how a run came out.</summary>
[GenerateSerializer, Immutable, Alias("hub.inspection-run-summary")]
public sealed record RunSummary(
    [property: Id(0)] string RunId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Accounts,
    [property: Id(3)] int Flagged,
    [property: Id(4)] int Vetoes,
    [property: Id(5)] double? AverageScore);

/// <summary>A notice (通报) an inspecting body circulated to a body whose accounts were flagged.</summary>
[GenerateSerializer, Immutable, Alias("hub.inspection-notice")]
public sealed record InspectionNotice(
    [property: Id(0)] string FromBodyId,
    [property: Id(1)] string RunId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyList<InspectedAccount> Flagged);
