using Hub.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Limits;

/// <summary>
/// The counts live in memory: a limit is about the last minutes, and a restart that forgives
/// them costs nothing worth a write per message.
/// </summary>
public sealed class UserQuotaGrain(IOptions<LimitOptions> options, [FromKeyedServices(HubClock.Key)] TimeProvider time)
    : Grain, IUserQuotaGrain
{
    private readonly Dictionary<UserAction, Queue<DateTimeOffset>> _recent = [];

    Task IUserQuotaGrain.Take(UserAction action)
    {
        var limit = LimitOf(action);
        var now = time.GetUtcNow();
        if (!_recent.TryGetValue(action, out var stamps))
        {
            _recent[action] = stamps = new Queue<DateTimeOffset>();
        }
        while (stamps.Count > 0 && now - stamps.Peek() >= limit.Window)
        {
            stamps.Dequeue();
        }
        if (stamps.Count >= limit.Permits)
        {
            throw RuleViolation.RateLimited(
                $"at most {limit.Permits} per {limit.Window.TotalSeconds:0} seconds; slow down",
                stamps.Peek() + limit.Window - now);
        }
        stamps.Enqueue(now);
        return Task.CompletedTask;
    }

    private RateLimit LimitOf(UserAction action) => action switch
    {
        UserAction.Message => options.Value.Messages,
        UserAction.Typing => options.Value.Typing,
        UserAction.ConversationStart => options.Value.ConversationStarts,
        UserAction.Question => options.Value.Questions,
        UserAction.Vote => options.Value.Votes,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
