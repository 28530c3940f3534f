namespace Hub.Grains.Common;

/// <summary>
/// Keeps an outbox grain sending while anything in it is pending: a grain timer looks for due
/// items every poll period, and a durable reminder wakes the grain after a restart or a
/// deactivation, so what was stored before the first attempt is never left behind. The outboxes
/// (webhooks, channel replies, officers' e-mail) differ only in what one attempt does and what it stores.
/// </summary>
public sealed class OutboxPump(Grain grain, string reminderName, TimeSpan pollPeriod, Func<CancellationToken, Task> sendDue)
{
    // Orleans' shortest reminder period; the timer does the finer work.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;

    public string ReminderName => reminderName;

    /// <summary>The wait after the given number of failed attempts: the base, then twice as long each time.</summary>
    public static TimeSpan Backoff(TimeSpan retryBase, int failedAttempts) => retryBase * Math.Pow(2, failedAttempts - 1);

    /// <summary>Sends at once (or makes a running timer fire now) and keeps the reminder while anything is pending; stops otherwise.</summary>
    public async Task Run(bool pending)
    {
        if (!pending)
        {
            await Stop();
            return;
        }
        await grain.RegisterOrUpdateReminder(reminderName, ReminderPeriod, ReminderPeriod);
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(sendDue, new GrainTimerCreationOptions(TimeSpan.Zero, pollPeriod));
        }
        else
        {
            _timer.Change(TimeSpan.Zero, pollPeriod);
        }
    }

    /// <summary>Nothing is pending: the timer and the reminder go.</summary>
    public async Task Stop()
    {
        _timer?.Dispose();
        _timer = null;
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
