using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Governance.Posts;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// One account of a run, opened up for the inspector. A reader of the body reads the account's
/// conversations as the account's own inspectors do, so each read lands in the security log in
/// the inspector's name.
/// </summary>
public sealed partial class BodyInspectionGrain
{
    public const int SampleConversations = 5;
    public const int SampleMessages = 3;
    public const int SamplePosts = 5;

    async Task<AccountDrillDown> IBodyInspectionGrain.DrillDown(Caller inspector, string runId, string accountId)
    {
        await Tree.RequireReader(inspector, BodyId);
        var run = RequireRun(runId);
        var row = run.Accounts.FirstOrDefault(a => a.Indicators.AccountId == accountId)
            ?? throw RuleViolation.NotFound($"account '{accountId}' is not in inspection run '{runId}'");
        var trend = State.Runs
            .SelectMany(r => r.Accounts.Where(a => a.Indicators.AccountId == accountId)
                .Select(a => new AccountTrendPoint(r.RunId, r.At, a.Rank, a.Indicators.Score, a.Indicators.Flags)))
            .ToList();
        var asInspector = inspector with { Grants = [.. inspector.Grants, new AccountGrant(accountId, [Roles.Inspector])] };
        var waits = await GrainFactory.GetGrain<IAccountIndicatorsGrain>(accountId).GetLongestWaits(SampleConversations);
        var waiting = await Task.WhenAll(waits.Select(w => Sample(asInspector, w)));
        var posts = (await GrainFactory.GetGrain<IAccountPostsGrain>(accountId).GetPublic()).Posts.Take(SamplePosts).ToList();
        return new AccountDrillDown(run.RunId, row, trend, waiting, posts);
    }

    private async Task<SampleConversation> Sample(Caller inspector, UnansweredWait wait)
    {
        var conversation = GrainFactory.GetGrain<IConversationGrain>(wait.ConversationId);
        var view = await conversation.Describe(inspector);
        var latest = await conversation.GetHistory(inspector, Math.Max(0, view.LastSeq - SampleMessages));
        return new SampleConversation(view.ConversationId, view.Reference, view.Subject, view.Status, wait.Since, latest);
    }
}
