using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>
/// The account's labels for the kind of demand a conversation carries: its supervisors define
/// the set, its agents put them on conversations, and the desk lists those of open ones.
/// </summary>
public sealed partial class AccountGrain
{
    /// <summary>A handful of kinds is what reports and inspections group by; dozens would not be used consistently.</summary>
    public const int MaxLabels = 30;

    public const int MaxLabelLength = 16;

    Task<IReadOnlyList<string>> IAccountGrain.GetLabels(Caller staff)
    {
        var id = RequireProfile().Id;
        var allowed = staff.HasRole(Roles.Admin) || staff.HasRoleIn(id, Roles.Supervisor) || staff.HasRoleIn(id, Roles.Agent);
        if (!allowed)
        {
            throw RuleViolation.Forbidden($"only staff of '{id}' read its labels");
        }
        return Task.FromResult<IReadOnlyList<string>>([.. State.Labels]);
    }

    async Task IAccountGrain.SetLabels(Caller keeper, IReadOnlyList<string> labels)
    {
        var id = RequireProfile().Id;
        if (!keeper.HasRole(Roles.Admin) && !keeper.HasRoleIn(id, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only admins and supervisors of '{id}' define its labels");
        }
        var cleaned = labels.Select(l => ShortText.Require(l, "label", MaxLabelLength)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count > MaxLabels)
        {
            throw RuleViolation.BadRequest($"an account has at most {MaxLabels} labels");
        }
        // Conversations keep a label that leaves the set: it still says what they were about.
        State.Labels = cleaned;
        await state.WriteOrReload(this);
    }

    Task IAccountGrain.RequireLabel(string label)
    {
        RequireProfile();
        if (!State.Labels.Contains(label, StringComparer.Ordinal))
        {
            throw RuleViolation.NotFound($"label '{label}' is not one of this account's labels");
        }
        return Task.CompletedTask;
    }

    async Task IAccountGrain.TrackLabels(string conversationId, IReadOnlyList<string> labels)
    {
        if (!State.OpenCitizens.ContainsKey(conversationId))
        {
            return;
        }
        if (labels.Count == 0)
        {
            State.OpenLabels.Remove(conversationId);
        }
        else
        {
            State.OpenLabels[conversationId] = [.. labels];
        }
        await state.WriteOrReload(this);
    }
}
