using Hub.Grains.Common;
using Orleans.Concurrency;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// A body's inspection of its subtree, keyed by body id: its thresholds, the runs it took and
/// the notices it received. Its admins and inspectors (and those above) inspect; only its admins
/// (and those above) read the notices it received.
/// </summary>
public interface IBodyInspectionGrain : IGrainWithStringKey
{
    Task<InspectionRules> SetRules(Caller inspector, InspectionRules rules);

    [ReadOnly]
    Task<InspectionRules> GetRules(Caller inspector);

    /// <summary>
    /// The thresholds in force, for the accounts of the subtree judging their own flags; interleaved,
    /// because an account asks while a run of this body may be waiting on that account.
    /// </summary>
    [AlwaysInterleave]
    Task<InspectionRules> RulesInForce();

    /// <summary>Takes a snapshot of every account of the subtree now and keeps it.</summary>
    Task<InspectionRun> Run(Caller inspector);

    /// <summary>Every account of the subtree as it stands now, ranked by this body's rules, and nothing kept: where live changes start from.</summary>
    [ReadOnly]
    Task<IReadOnlyList<InspectedAccount>> Now(Caller inspector);

    /// <summary>Asks for a run at a later time (bad_request in the past); it is taken then in the inspector's name.</summary>
    Task<ScheduledInspectionView> Schedule(Caller inspector, DateTimeOffset at);

    /// <summary>The runs asked for and not yet taken, the soonest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ScheduledInspectionView>> GetScheduled(Caller inspector);

    Task CancelScheduled(Caller inspector, string scheduleId);

    /// <summary>Every run kept, oldest first: the trend.</summary>
    [ReadOnly]
    Task<IReadOnlyList<RunSummary>> GetRuns(Caller inspector);

    [ReadOnly]
    Task<InspectionRun> GetRun(Caller inspector, string runId);

    /// <summary>One account of a run with its trend over the kept runs, its longest-waiting conversations and latest posts.</summary>
    [ReadOnly]
    Task<AccountDrillDown> DrillDown(Caller inspector, string runId, string accountId);

    /// <summary>Circulates a notice (通报) of a run to the body of every flagged account; answers the bodies told.</summary>
    Task<IReadOnlyList<string>> Circulate(Caller inspector, string runId, string text);

    /// <summary>Keeps a notice another body circulated to this one.</summary>
    Task Receive(InspectionNotice notice);

    [ReadOnly]
    Task<IReadOnlyList<InspectionNotice>> GetNotices(Caller admin);
}
