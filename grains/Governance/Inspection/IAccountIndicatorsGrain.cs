using Orleans.Concurrency;

namespace Hub.Grains.Governance.Inspection;

/// <summary>One account's inspection indicators, keyed by account id, kept up to date as things happen in the account.</summary>
public interface IAccountIndicatorsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts what happened, in memory at once and stored shortly after; it calls no other grain, and
    /// those this grain asks later (the body tree, the bodies' rules, the account) never call back,
    /// so the grain telling it never waits on a cycle, nor on a store write.
    /// </summary>
    Task Record(IndicatorEvent happened);

    /// <summary>The indicators now, flagged by the given rules.</summary>
    [ReadOnly]
    Task<AccountIndicators> Measure(InspectionRules rules);

    /// <summary>The conversations waiting longest for a reply, the longest first, at most <paramref name="count"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<UnansweredWait>> GetLongestWaits(int count);
}

public static class IndicatorReports
{
    /// <summary>Tells an account's indicators what happened there.</summary>
    public static Task ReportIndicator(this IGrainFactory grains, string accountId, string kind, DateTimeOffset at, string? conversationId = null, int? score = null) =>
        grains.GetGrain<IAccountIndicatorsGrain>(accountId).Record(new IndicatorEvent(kind, at, conversationId, score));
}
