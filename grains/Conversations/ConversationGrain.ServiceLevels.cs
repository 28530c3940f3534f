using Hub.Grains.Governance.Inspection;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Mail;
using Hub.Grains.Push;
using Hub.Grains.ServiceLevels;
using Hub.Grains.Webhooks;

namespace Hub.Grains.Conversations;

/// <summary>
/// The service-level clocks: first response (stopped by the first message of staff) and
/// resolution, counted in the business time of the account's calendar as it stood when the
/// conversation started. A durable reminder wakes the grain at the next warning or due time,
/// so the clocks survive restarts and deactivation; the time itself comes from the injected
/// TimeProvider, so tests move the clock instead of waiting.
/// </summary>
public sealed partial class ConversationGrain : IRemindable
{
    public const string ServiceLevelReminder = "service-levels";

    // Orleans' shortest period: a wake-up that comes early looks again a minute later.
    private static readonly TimeSpan ServiceLevelRecheck = TimeSpan.FromMinutes(1);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ServiceLevelReminder)
        {
            return;
        }
        var now = time.GetUtcNow();
        var passed = new List<(ServiceLevelClock Clock, int Percent)>();
        for (var i = 0; i < State.ServiceClocks.Count; i++)
        {
            var (clock, percents) = State.ServiceClocks[i].Tick(now);
            State.ServiceClocks[i] = clock;
            passed.AddRange(percents.Select(percent => (clock, percent)));
        }
        if (passed.Count > 0)
        {
            await state.WriteOrReload(this);
            foreach (var (clock, percent) in passed)
            {
                await Alert(clock, percent, now);
            }
            await ReportServiceLevels();
        }
        await ArmServiceLevels();
    }

    /// <summary>Starts the clocks on the account's calendar and targets; the caller stores them.</summary>
    private async Task StartServiceLevels(IAccountGrain account)
    {
        var policy = await account.GetServiceLevelPolicy();
        State.ServiceClocks = [.. policy.StartClocks(State.CreatedAt)];
    }

    /// <summary>The first message of staff stops the first-response clock.</summary>
    private async Task Responded(string role, DateTimeOffset at)
    {
        if (role != Roles.Agent || !StopServiceClocks(at, ServiceLevelClock.FirstResponse))
        {
            return;
        }
        await state.WriteOrReload(this);
        await ReportServiceLevels();
        await ArmServiceLevels();
    }

    /// <summary>Stops the named clocks (every clock when none is named); true when one was still running.</summary>
    private bool StopServiceClocks(DateTimeOffset at, params string[] kinds)
    {
        var stopped = false;
        for (var i = 0; i < State.ServiceClocks.Count; i++)
        {
            var clock = State.ServiceClocks[i];
            if (clock.StoppedAt is null && (kinds.Length == 0 || kinds.Contains(clock.Kind)))
            {
                State.ServiceClocks[i] = clock.Stop(at);
                stopped = true;
            }
        }
        return stopped;
    }

    /// <summary>Sets the reminder for the next warning or due time, or drops it once nothing is left to watch.</summary>
    private async Task ArmServiceLevels()
    {
        var next = State.Status == ConversationStatus.Resolved ? null : State.ServiceClocks.Min(c => c.NextCheck);
        if (next is null)
        {
            if (await this.GetReminder(ServiceLevelReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        var wait = next.Value - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ServiceLevelReminder, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, ServiceLevelRecheck);
    }

    /// <summary>Tells the account's desk how the clocks stand.</summary>
    private Task ReportServiceLevels() =>
        State.ServiceClocks.Count == 0
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IAccountGrain>(State.AccountId)
                .TrackServiceLevel(new ConversationServiceLevel(Id, State.Subject, [.. State.ServiceClocks]));

    /// <summary>A warning reminds the assigned agent (the supervisors while nobody holds it); a breach alerts the supervisors and the agent.</summary>
    private async Task Alert(ServiceLevelClock clock, int percent, DateTimeOffset now)
    {
        var alert = new ServiceLevelAlert(Id, State.AccountId, State.Subject, clock.Kind, clock.DueAt, State.AgentId, now);
        var supervisors = PushGroups.SupervisorsOf(State.AccountId);
        if (percent < 100)
        {
            await (State.AgentId is { } agentId
                ? push.ToUsers([agentId], ClientEvents.ServiceLevelWarning, alert)
                : push.ToGroups([supervisors], ClientEvents.ServiceLevelWarning, alert));
            return;
        }
        await push.ToGroups([supervisors], ClientEvents.ServiceLevelBreached, alert);
        await GrainFactory.RaiseWebhook(State.AccountId, WebhookEventTypes.ConversationWaiting, alert);
        await GrainFactory.GetGrain<IAlertMailGrain>(State.AccountId).Alert(OfficerAlerts.ForServiceLevel(alert));
        await GrainFactory.ReportIndicator(State.AccountId, IndicatorEvent.ServiceLevelBreach, now, Id);
        if (State.AgentId is { } holder)
        {
            await push.ToUsers([holder], ClientEvents.ServiceLevelBreached, alert);
        }
    }

    /// <summary>Staff see the due times of clocks still to be met and the breaches; the citizen sees neither.</summary>
    private ConversationView WithServiceLevels(ConversationView view, string userId) =>
        userId == State.CitizenId ? view : view with
        {
            FirstResponseDue = DueOf(ServiceLevelClock.FirstResponse),
            ResolutionDue = DueOf(ServiceLevelClock.Resolution),
            Breaches = [.. State.ServiceClocks.Where(c => c.Status == ServiceLevelClock.Breached).Select(c => c.Kind)],
        };

    private DateTimeOffset? DueOf(string kind) =>
        State.ServiceClocks.FirstOrDefault(c => c.Kind == kind && c.StoppedAt is null)?.DueAt;
}
