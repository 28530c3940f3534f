using Hub.Grains.Governance.Inspection;
using Hub.Grains.Common;
using Hub.Grains.Push;
using Hub.Grains.Webhooks;

namespace Hub.Grains.Governance.Posts;

/// <summary>
/// Publication, now or scheduled. A reminder (durable, so a schedule survives restarts) wakes
/// the grain every minute while a post waits; the time itself comes from the injected clock.
/// </summary>
public sealed partial class AccountPostsGrain
{
    public const string ScheduleReminder = "scheduled-posts";
    private static readonly TimeSpan SchedulePeriod = TimeSpan.FromMinutes(1);

    /// <summary>The publisher of a scheduled post, as the audit trail names it.</summary>
    private static readonly Caller Schedule = new("schedule", "定时发布", [], []);

    async Task<Post> IAccountPostsGrain.Publish(Caller press, string postId, DateTimeOffset? at)
    {
        RequirePress(press);
        var post = RequireStatus(postId, PostStatus.Approved);
        RequireOpen();
        var now = time.GetUtcNow();
        if (at is { } when && when > now)
        {
            var scheduled = await Store(post with { Status = PostStatus.Scheduled, ScheduledFor = when }, press, PostEventKinds.Scheduled, $"{when:u}");
            await this.RegisterOrUpdateReminder(ScheduleReminder, SchedulePeriod, SchedulePeriod);
            return scheduled;
        }
        if (at < now - SchedulePeriod)
        {
            throw RuleViolation.BadRequest("a post cannot be scheduled in the past");
        }
        return await PublishNow(post, press, now);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminder)
        {
            return;
        }
        var now = time.GetUtcNow();
        var due = State.Posts.Where(p => p.Status == PostStatus.Scheduled && p.ScheduledFor <= now).ToList();
        foreach (var post in due)
        {
            await PublishNow(post, Schedule, now);
        }
        if (!State.Posts.Any(p => p.Status == PostStatus.Scheduled) && await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<Post> PublishNow(Post post, Caller publisher, DateTimeOffset now)
    {
        if (State.Closure is not null)
        {
            return await Store(post with { Status = PostStatus.Approved, ScheduledFor = null }, publisher, PostEventKinds.Returned, "the account was closed");
        }
        var published = await Store(post with { Status = PostStatus.Published, PublishedAt = now }, publisher, PostEventKinds.Published);
        await push.ToGroups([PushGroups.AccountFollowers(AccountId)], ClientEvents.PostPublished, published.ToPublic());
        await GrainFactory.RaiseWebhook(AccountId, WebhookEventTypes.PostPublished, published.ToPublic());
        await GrainFactory.ReportIndicator(AccountId, IndicatorEvent.Update, now);
        if (published.Kind == PostKind.Correction)
        {
            await GrainFactory.ReportIndicator(AccountId, IndicatorEvent.Correction, now);
        }
        return published;
    }
}
