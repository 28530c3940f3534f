using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Staff;
using Hub.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Mail;

/// <summary>
/// The outbox of an account's alert mail: each mail is stored before the first attempt and sent
/// from a timer, off the turn of the grain that raised the alert; a failed attempt is tried
/// again after growing waits, and a reminder wakes the grain after a restart.
/// </summary>
public sealed class AlertMailGrain(
    [PersistentState("alert-mail", StorageNames.Grains)] IPersistentState<AlertMailState> state,
    MailSender sender,
    IOptions<MailOptions> options,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IAlertMailGrain, IRemindable
{
    public const string OutboxReminder = "alert-mail";

    private OutboxPump? _pump;

    private AlertMailState State => state.State;

    private OutboxPump Pump => _pump ??= new OutboxPump(this, OutboxReminder, options.Value.PollPeriod, SendDue);

    private bool HasPending => State.Mails.Any(m => m.Status == AlertMail.Pending);

    async Task IAlertMailGrain.Alert(OfficerAlert alert)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var officer in await Officers(alert))
        {
            var mailId = $"{alert.Key}/{officer.UserId}";
            if (State.Mails.Any(m => m.MailId == mailId))
            {
                continue;
            }
            State.Mails.Add(new AlertMail(mailId, officer.UserId, officer.Email!, officer.DisplayName, alert.Subject, alert.Body,
                AlertMail.Pending, 0, now, now, null));
            added++;
        }
        if (added > 0)
        {
            await state.WriteOrReload(this);
            await Pump.Run(true);
        }
    }

    Task<IReadOnlyList<AlertMail>> IAlertMailGrain.GetMails() => Task.FromResult<IReadOnlyList<AlertMail>>([.. State.Mails]);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            await Pump.Run(HasPending);
        }
    }

    /// <summary>The account's enabled members the alert is for, who have an address.</summary>
    private async Task<IReadOnlyList<StaffSummary>> Officers(OfficerAlert alert)
    {
        var roster = await GrainFactory.GetGrain<IAccountGrain>(this.GetPrimaryKeyString()).GetStaff();
        var concerned = roster.Where(m => !m.Disabled && m.Username.Length > 0
            && (m.Roles.Intersect(alert.Roles).Any() || alert.UserIds.Contains(m.UserId)));
        var members = await Task.WhenAll(concerned.Select(m => GrainFactory.GetGrain<IStaffGrain>(m.Username).Describe()));
        return [.. members.Where(m => m.Email is not null && !m.Disabled)];
    }

    private async Task SendDue(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var due = State.Mails.Where(m => m.Status == AlertMail.Pending && m.NextAttemptAt <= now).ToList();
        if (due.Count > 0)
        {
            var errors = await sender.Send(due, cancellation);
            foreach (var (mail, error) in due.Zip(errors))
            {
                State.Mails[State.Mails.IndexOf(mail)] = Outcome(mail, error, now);
            }
            TrimLog();
            await state.WriteOrReload(this);
        }
        if (!HasPending)
        {
            await Pump.Stop();
        }
    }

    private AlertMail Outcome(AlertMail mail, string? error, DateTimeOffset now)
    {
        var attempts = mail.Attempts + 1;
        var outcome = error is null ? GrainMetrics.Delivered : attempts >= options.Value.MaxAttempts ? GrainMetrics.Dead : GrainMetrics.Retry;
        GrainMetrics.DeliveryAttempted("email", outcome, now - mail.CreatedAt);
        var tried = mail with { Attempts = attempts, LastError = error };
        return outcome switch
        {
            GrainMetrics.Delivered => tried with { Status = AlertMail.Sent, NextAttemptAt = null },
            GrainMetrics.Dead => tried with { Status = AlertMail.Failed, NextAttemptAt = null },
            _ => tried with { NextAttemptAt = now + OutboxPump.Backoff(options.Value.RetryBase, attempts) },
        };
    }

    /// <summary>Drops the oldest finished mails beyond the log's size; pending ones always stay.</summary>
    private void TrimLog()
    {
        var finished = State.Mails.Where(m => m.Status != AlertMail.Pending).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - options.Value.LogSize)))
        {
            State.Mails.Remove(old);
        }
    }
}
