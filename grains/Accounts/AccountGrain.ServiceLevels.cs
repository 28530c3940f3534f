using Hub.Grains.Common;
using Hub.Grains.Security;
using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Accounts;

/// <summary>Service levels: the business calendar and targets supervisors set, and the clocks of open conversations for the desk.</summary>
public sealed partial class AccountGrain
{
    private ServiceLevelPolicy ServiceLevels => State.ServiceLevels ?? ServiceLevelPolicy.Default;

    Task<ServiceLevelSettings> IAccountGrain.GetServiceLevels(Caller caller)
    {
        var id = RequireProfile().Id;
        if (!caller.HasRole(Roles.Admin) && !caller.Grants.Any(g => g.AccountId == id && g.Roles.Count > 0))
        {
            throw RuleViolation.Forbidden($"only admins and staff of '{id}' read its service levels");
        }
        return Task.FromResult(ServiceLevels.ToSettings());
    }

    async Task<ServiceLevelSettings> IAccountGrain.SetServiceLevels(Caller caller, ServiceLevelSettings settings)
    {
        var id = RequireProfile().Id;
        if (!caller.HasRole(Roles.Admin) && !caller.HasRoleIn(id, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only admins and supervisors of '{id}' set its service levels");
        }
        var policy = (settings ?? throw RuleViolation.BadRequest("settings are required")).ToPolicy();
        State.ServiceLevels = policy;
        await state.WriteOrReload(this);
        var calendar = policy.Calendar;
        await securityLog.Record(time, SecurityEventKinds.ServiceLevelsChanged, caller, id, id,
            $"{calendar.TimeZone}, {string.Join(" ", calendar.Hours)}, {calendar.Holidays.Count} holidays, "
            + $"{calendar.SwappedWorkdays.Count} swapped days, targets {policy.Targets.FirstResponseMinutes}/{policy.Targets.ResolutionMinutes} min"
            + (policy.LeaveMessagesOutsideHours ? ", messages only outside hours" : ""));
        return policy.ToSettings();
    }

    Task<ServiceLevelPolicy> IAccountGrain.GetServiceLevelPolicy()
    {
        RequireProfile();
        return Task.FromResult(ServiceLevels);
    }

    async Task IAccountGrain.TrackServiceLevel(ConversationServiceLevel report)
    {
        // A report overtaken by the conversation's release (resolved, transferred away) is old news.
        if (!State.OpenCitizens.ContainsKey(report.ConversationId))
        {
            return;
        }
        State.ServiceLevelWatch[report.ConversationId] = report;
        await state.WriteOrReload(this);
    }

    /// <summary>Open conversations with their clocks, the most urgent first.</summary>
    private IReadOnlyList<ConversationServiceLevel> ServiceLevelsOnDesk()
    {
        var now = time.GetUtcNow();
        return [.. State.ServiceLevelWatch.Values
            .Select(c => c.OnDesk(now, State.Agents.FirstOrDefault(a => a.Value.Open.Contains(c.ConversationId)).Key))
            .OrderBy(c => c.NextDue ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ConversationId, StringComparer.Ordinal)];
    }
}
