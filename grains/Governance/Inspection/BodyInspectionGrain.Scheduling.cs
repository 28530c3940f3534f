using Hub.Grains.Common;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// Runs at a chosen time. A reminder (durable, so a schedule survives restarts) wakes the grain
/// every minute while a run waits, and a run is taken at the first wake at or after its time, by
/// the injected clock: within a minute of the time asked for.
/// </summary>
public sealed partial class BodyInspectionGrain
{
    public const string ScheduleReminder = "scheduled-inspections";

    /// <summary>Enough for a year of monthly checks and the odd extra one, without a runaway list.</summary>
    public const int MaxScheduled = 24;

    private static readonly TimeSpan SchedulePeriod = TimeSpan.FromMinutes(1);

    async Task<ScheduledInspectionView> IBodyInspectionGrain.Schedule(Caller inspector, DateTimeOffset at)
    {
        await Tree.RequireReader(inspector, BodyId);
        if (at <= time.GetUtcNow())
        {
            throw RuleViolation.BadRequest("an inspection cannot be scheduled in the past");
        }
        if (State.Scheduled.Count >= MaxScheduled)
        {
            throw RuleViolation.Conflict($"a body keeps at most {MaxScheduled} scheduled inspections");
        }
        var scheduled = new ScheduledInspection($"s{State.RunsScheduled + 1}", at, inspector);
        State.RunsScheduled++;
        State.Scheduled.Add(scheduled);
        State.Scheduled.Sort((a, b) => a.At.CompareTo(b.At));
        await state.WriteOrReload(this);
        await this.RegisterOrUpdateReminder(ScheduleReminder, SchedulePeriod, SchedulePeriod);
        return scheduled.View();
    }

    async Task<IReadOnlyList<ScheduledInspectionView>> IBodyInspectionGrain.GetScheduled(Caller inspector)
    {
        await Tree.RequireReader(inspector, BodyId);
        return [.. State.Scheduled.Select(s => s.View())];
    }

    async Task IBodyInspectionGrain.CancelScheduled(Caller inspector, string scheduleId)
    {
        await Tree.RequireReader(inspector, BodyId);
        if (State.Scheduled.RemoveAll(s => s.ScheduleId == scheduleId) == 0)
        {
            throw RuleViolation.NotFound($"scheduled inspection '{scheduleId}' does not exist");
        }
        await state.WriteOrReload(this);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminder)
        {
            return;
        }
        var now = time.GetUtcNow();
        foreach (var due in State.Scheduled.Where(s => s.At <= now).ToList())
        {
            State.Scheduled.Remove(due);
            if (await StillReads(due.RequestedBy))
            {
                await Take(due.ScheduleId);
            }
            else
            {
                await state.WriteOrReload(this);
            }
        }
        if (State.Scheduled.Count == 0 && await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<bool> StillReads(Caller inspector)
    {
        try
        {
            await Tree.RequireReader(inspector, BodyId);
            return true;
        }
        catch (RuleViolation)
        {
            return false;
        }
    }
}
