using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Push;

namespace Hub.Grains.Conversations;

/// <summary>
/// Labels name the kind of demand (咨询, 投诉, ...) for reports and inspection. Staff of the
/// conversation's account put on the account's own labels; the citizen never sees them.
/// </summary>
public sealed partial class ConversationGrain
{
    async Task<IReadOnlyList<string>> IConversationGrain.AddLabel(Caller staff, string label)
    {
        RequireLabeller(staff);
        label = label?.Trim() ?? "";
        if (State.Labels.Contains(label, StringComparer.Ordinal))
        {
            return [.. State.Labels];
        }
        var account = GrainFactory.GetGrain<IAccountGrain>(State.AccountId);
        await account.RequireLabel(label);
        State.Labels.Add(label);
        return await StoreLabels(account, staff);
    }

    async Task<IReadOnlyList<string>> IConversationGrain.RemoveLabel(Caller staff, string label)
    {
        RequireLabeller(staff);
        // A label the account has since dropped can still be taken off.
        if (!State.Labels.Remove(label?.Trim() ?? ""))
        {
            throw RuleViolation.NotFound($"the conversation is not labelled '{label}'");
        }
        return await StoreLabels(GrainFactory.GetGrain<IAccountGrain>(State.AccountId), staff);
    }

    private void RequireLabeller(Caller staff)
    {
        RequireStarted();
        if (!ServesTheAccount(staff))
        {
            throw RuleViolation.Forbidden("only agents and supervisors of the conversation's account label it");
        }
    }

    private async Task<IReadOnlyList<string>> StoreLabels(IAccountGrain account, Caller staff)
    {
        await state.WriteOrReload(this);
        IReadOnlyList<string> labels = [.. State.Labels];
        await account.TrackLabels(Id, labels);
        // The one who changed them has the answer; a push of their own change could overtake a later answer.
        if (State.AgentId is { } agentId && agentId != staff.UserId)
        {
            await push.ToUsers([agentId], ClientEvents.ConversationLabels, new ConversationLabelsChanged(Id, labels));
        }
        return labels;
    }
}
