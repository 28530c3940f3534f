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
    private readonly Dictionary<UserAction, RateWindow> _windows = [];

    Task IUserQuotaGrain.Take(UserAction action)
    {
        var limit = LimitOf(action);
        if (!_windows.TryGetValue(action, out var window))
        {
            _windows[action] = window = new RateWindow(limit.Permits, limit.Window, time);
        }
        if (!window.TryTake(this.GetPrimaryKeyString(), out var retryAfter))
        {
            throw RuleViolation.RateLimited($"at most {limit.Permits} per {limit.Window.TotalSeconds:0} seconds; slow down", retryAfter);
        }
        return Task.CompletedTask;
    }

    private RateLimit LimitOf(UserAction action) => action switch
    {
        UserAction.Message => options.Value.Messages,
        UserAction.Typing => options.Value.Typing,
        UserAction.ConversationStart => options.Value.ConversationStarts,
        UserAction.Question => options.Value.Questions,
        UserAction.Vote => options.Value.Votes,
        UserAction.DeskChange => options.Value.DeskChanges,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
