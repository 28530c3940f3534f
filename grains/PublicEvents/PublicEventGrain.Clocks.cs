using Hub.Grains.Governance.Inspection;
using Hub.Grains.Common;
using Hub.Grains.Mail;
using Hub.Grains.Push;
using Hub.Grains.Telemetry;
using Hub.Grains.Webhooks;

namespace Hub.Grains.PublicEvents;

/// <summary>
/// The legal clocks. A reminder (durable, so it survives restarts and deactivation) wakes the
/// grain every minute while a clock runs; the time itself comes from the injected TimeProvider.
/// </summary>
public sealed partial class PublicEventGrain
{
    public const string ClockReminder = "legal-clocks";
    private static readonly TimeSpan ClockPeriod = TimeSpan.FromMinutes(1);

    // Forms give conference times to the minute, and people's clocks drift a little.
    private static readonly TimeSpan ConferenceTimeSlack = TimeSpan.FromMinutes(1);

    async Task IPublicEventGrain.RecordPressConference(Caller press, DateTimeOffset heldAt, string place)
    {
        RequirePress(press);
        place = TextRules.RequireText(place, "place").Trim();
        var now = time.GetUtcNow();
        if (heldAt > now + ConferenceTimeSlack)
        {
            throw RuleViolation.BadRequest("a press conference is recorded once it has been held");
        }
        if (heldAt < State.OpenedAt - ConferenceTimeSlack)
        {
            throw RuleViolation.BadRequest("the press conference predates the event");
        }
        State.PressConferences.Add(new PressConference(heldAt, place, press.UserId, press.DisplayName, now));
        var met = SatisfyClocks(heldAt, LegalClock.PressConference);
        Audit(press, "press conference", $"{heldAt:u} {place}");
        await state.WriteOrReload(this);
        await AnnounceClocks(met);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ClockReminder)
        {
            return;
        }
        if (!State.Exists || State.Status == PublicEventStatus.Closed || !State.Clocks.Any(c => c.IsRunning))
        {
            await StopClocks();
            return;
        }

        var now = time.GetUtcNow();
        var alerts = new List<(LegalClock Clock, int Percent)>();
        for (var i = 0; i < State.Clocks.Count; i++)
        {
            var (clock, crossed) = State.Clocks[i].Tick(now);
            State.Clocks[i] = clock;
            alerts.AddRange(crossed.Select(percent => (clock, percent)));
        }
        if (alerts.Count == 0)
        {
            return;
        }
        await state.WriteOrReload(this);
        foreach (var (clock, percent) in alerts)
        {
            var level = percent == 100 ? "breach" : "warning";
            if (percent == 100)
            {
                await GrainFactory.ReportIndicator(State.LeadAccountId, IndicatorEvent.ClockBreach, now);
            }
            GrainMetrics.ClockAlerted(clock.Name, level);
            var alert = new ClockAlert(Id, State.Title, clock.Name, level, percent, clock.DueAt, now);
            await push.ToGroups([PushGroups.PressOf(State.LeadAccountId)], ClientEvents.ClockAlert, alert);
            await GrainFactory.RaiseWebhook(State.LeadAccountId, percent == 100 ? WebhookEventTypes.ClockBreach : WebhookEventTypes.ClockWarning, alert);
            await GrainFactory.GetGrain<IAlertMailGrain>(State.LeadAccountId).Alert(OfficerAlerts.ForClock(alert));
        }
        await AnnounceClocks([.. alerts.Select(a => a.Clock).DistinctBy(c => c.Name)]);
    }

    private Task StartClocks() =>
        State.Clocks.Any(c => c.IsRunning)
            ? this.RegisterOrUpdateReminder(ClockReminder, ClockPeriod, ClockPeriod)
            : Task.CompletedTask;

    private async Task StopClocks()
    {
        if (await this.GetReminder(ClockReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Marks the named clocks met at <paramref name="at"/>; answers the clocks that changed.</summary>
    private IReadOnlyList<LegalClock> SatisfyClocks(DateTimeOffset at, params string[] names)
    {
        var changed = new List<LegalClock>();
        for (var i = 0; i < State.Clocks.Count; i++)
        {
            var clock = State.Clocks[i];
            if (names.Contains(clock.Name) && clock.MetAt is null)
            {
                State.Clocks[i] = clock.Satisfy(at);
                changed.Add(State.Clocks[i]);
            }
        }
        return changed;
    }

    private async Task AnnounceClocks(IReadOnlyList<LegalClock> clocks)
    {
        foreach (var clock in clocks)
        {
            await push.ToGroups([PushGroups.Followers(Id), .. PressGroups()], ClientEvents.ClockChanged, new ClockChanged(Id, clock));
        }
    }
}
