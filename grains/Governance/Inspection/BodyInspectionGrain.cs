using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Governance.Inspection;

public sealed partial class BodyInspectionGrain(
    [PersistentState("body-inspection", StorageNames.Grains)] IPersistentState<BodyInspectionState> state,
    IOptions<InspectionOptions> defaults,
    IClientPush push,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IBodyInspectionGrain, IRemindable
{
    /// <summary>Runs kept for the trend; the oldest go first.</summary>
    public const int KeptRuns = 100;

    private BodyInspectionState State => state.State;

    private string BodyId => this.GetPrimaryKeyString();

    private IBodyTreeGrain Tree => GrainFactory.GetGrain<IBodyTreeGrain>(0);

    private InspectionRules Rules => State.Rules ?? defaults.Value.Defaults();

    async Task<InspectionRules> IBodyInspectionGrain.SetRules(Caller inspector, InspectionRules rules)
    {
        await Tree.RequireReader(inspector, BodyId);
        State.Rules = rules.Validated();
        await state.WriteOrReload(this);
        return State.Rules;
    }

    async Task<InspectionRules> IBodyInspectionGrain.GetRules(Caller inspector)
    {
        await Tree.RequireReader(inspector, BodyId);
        return Rules;
    }

    Task<InspectionRules> IBodyInspectionGrain.RulesInForce() => Task.FromResult(Rules);

    async Task<InspectionRun> IBodyInspectionGrain.Run(Caller inspector)
    {
        await Tree.RequireReader(inspector, BodyId);
        return await Take(null);
    }

    /// <summary>
    /// Snapshots and ranks every account of the subtree now, keeps the run, tells the inspectors
    /// following the body, and raises <c>inspection.flagged</c> for each flagged account.
    /// </summary>
    private async Task<InspectionRun> Take(string? scheduleId)
    {
        var rules = Rules;
        var run = new InspectionRun($"r{State.RunsTaken + 1}", BodyId, time.GetUtcNow(), rules, await Rank(rules), scheduleId);
        State.RunsTaken++;
        State.Runs.Add(run);
        State.Runs.RemoveRange(0, Math.Max(0, State.Runs.Count - KeptRuns));
        await state.WriteOrReload(this);
        await push.ToGroups([PushGroups.InspectorsOf(BodyId)], ClientEvents.InspectionCompleted, new InspectionCompleted(BodyId, run.Summarize(), scheduleId));
        foreach (var flagged in run.Accounts.Where(a => a.Indicators.Flags.Count > 0))
        {
            await GrainFactory.RaiseWebhook(flagged.Indicators.AccountId, WebhookEventTypes.InspectionFlagged,
                new { run.RunId, run.BodyId, run.At, flagged.Indicators.AccountId, flagged.Rank, flagged.Indicators.Score, flagged.Indicators.Flags });
        }
        return run;
    }

    async Task<IReadOnlyList<InspectedAccount>> IBodyInspectionGrain.Now(Caller inspector)
    {
        await Tree.RequireReader(inspector, BodyId);
        return await Rank(Rules);
    }

    /// <summary>Every account of the subtree measured now, the best first.</summary>
    private async Task<IReadOnlyList<InspectedAccount>> Rank(InspectionRules rules)
    {
        var placements = await Tree.GetAccounts(BodyId);
        var measured = await Task.WhenAll(placements.Select(p => GrainFactory.GetGrain<IAccountIndicatorsGrain>(p.AccountId).Measure(rules)));
        return [.. placements.Zip(measured)
            .OrderByDescending(m => m.Second.Score).ThenBy(m => m.First.AccountId, StringComparer.Ordinal)
            .Select((m, i) => new InspectedAccount(i + 1, m.First.BodyId, m.Second))];
    }

    async Task<IReadOnlyList<RunSummary>> IBodyInspectionGrain.GetRuns(Caller inspector)
    {
        await Tree.RequireReader(inspector, BodyId);
        return [.. State.Runs.Select(r => r.Summarize())];
    }

    async Task<InspectionRun> IBodyInspectionGrain.GetRun(Caller inspector, string runId)
    {
        await Tree.RequireReader(inspector, BodyId);
        return RequireRun(runId);
    }

    async Task<IReadOnlyList<string>> IBodyInspectionGrain.Circulate(Caller inspector, string runId, string text)
    {
        await Tree.RequireReader(inspector, BodyId);
        var run = RequireRun(runId);
        text = TextRules.RequireText(text, "text");
        var byBody = run.Accounts.Where(a => a.Indicators.Flags.Count > 0).GroupBy(a => a.BodyId).ToList();
        foreach (var flagged in byBody)
        {
            await GrainFactory.GetGrain<IBodyInspectionGrain>(flagged.Key)
                .Receive(new InspectionNotice(BodyId, run.RunId, time.GetUtcNow(), text, [.. flagged]));
        }
        return [.. byBody.Select(b => b.Key)];
    }

    async Task IBodyInspectionGrain.Receive(InspectionNotice notice)
    {
        State.Notices.Add(notice);
        await state.WriteOrReload(this);
    }

    async Task<IReadOnlyList<InspectionNotice>> IBodyInspectionGrain.GetNotices(Caller admin)
    {
        await Tree.RequireAdmin(admin, BodyId);
        return [.. State.Notices];
    }

    private InspectionRun RequireRun(string? runId) =>
        State.Runs.Find(r => r.RunId == runId) ?? throw RuleViolation.NotFound($"inspection run '{runId}' does not exist");
}
