using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// Told of every message, reply, rating and update of its account, so it stays off the chat's
/// hot path: what it is told changes its state in memory at once, and the state is written at
/// most once per <see cref="WriteBehind"/> and when the grain deactivates. A silo crash can lose
/// the last moments of counting, never a message: the messages themselves are stored elsewhere.
/// Each write also tells the inspectors following the bodies above the account what changed.
/// </summary>
public sealed partial class AccountIndicatorsGrain(
    [PersistentState("account-indicators", StorageNames.Grains)] IPersistentState<IndicatorsState> state,
    IOptions<InspectionOptions> options,
    IClientPush push,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IAccountIndicatorsGrain, IRemindable
{
    /// <summary>Enough answered waits for a stable median without growing without bound.</summary>
    public const int KeptResponses = 1_000;

    public static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(2);

    private IGrainTimer? _write;

    private DateTimeOffset? _createdAt;

    private IndicatorsState State => state.State;

    private string AccountId => this.GetPrimaryKeyString();

    Task IAccountIndicatorsGrain.Record(IndicatorEvent happened)
    {
        if (Apply(happened))
        {
            _write ??= this.RegisterGrainTimer(Write, new GrainTimerCreationOptions(WriteBehind, Timeout.InfiniteTimeSpan));
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_write is not null)
        {
            await Write(cancellationToken);
        }
    }

    private async Task Write(CancellationToken cancellation)
    {
        _write?.Dispose();
        _write = null;
        var changes = await Changes();
        await state.WriteOrReload(this);
        await Tell(changes);
    }

    /// <summary>Whether the state changed.</summary>
    private bool Apply(IndicatorEvent happened)
    {
        switch (happened.Kind)
        {
            case IndicatorEvent.Update:
                var last = happened.At > State.LastUpdateAt ? happened.At : State.LastUpdateAt ?? happened.At;
                var changed = last != State.LastUpdateAt;
                State.LastUpdateAt = last;
                return changed;
            case IndicatorEvent.CitizenMessage when happened.ConversationId is { } waiting:
                return State.WaitingSince.TryAdd(waiting, happened.At);
            case IndicatorEvent.StaffReply when happened.ConversationId is { } answered:
                if (!State.WaitingSince.Remove(answered, out var since))
                {
                    return false;
                }
                State.ResponseMinutes.Add((happened.At - since).TotalMinutes);
                State.ResponseMinutes.RemoveRange(0, Math.Max(0, State.ResponseMinutes.Count - KeptResponses));
                return true;
            case IndicatorEvent.Rating when happened.Score is { } score:
                (State.RatingSum, State.Ratings) = (State.RatingSum + score, State.Ratings + 1);
                return true;
            case IndicatorEvent.ClockBreach:
                State.ClockBreaches++;
                return true;
            case IndicatorEvent.ServiceLevelBreach:
                State.ServiceLevelBreaches++;
                return true;
            case IndicatorEvent.Correction:
                State.Corrections++;
                return true;
            case IndicatorEvent.Moderation:
                State.ModerationActions++;
                return true;
            default:
                return false;
        }
    }

    async Task<AccountIndicators> IAccountIndicatorsGrain.Measure(InspectionRules rules) => Indicators(rules, await QuietSince());

    /// <summary>An account that never published has gone without an update since it was created.</summary>
    private async Task<DateTimeOffset> QuietSince() =>
        State.LastUpdateAt ?? (_createdAt ??= (await GrainFactory.GetGrain<IAccountGrain>(AccountId).GetProfile()).CreatedAt);

    private AccountIndicators Indicators(InspectionRules rules, DateTimeOffset quietSince)
    {
        var now = time.GetUtcNow();
        var quiet = now - quietSince;
        var oldest = State.WaitingSince.Count == 0 ? (DateTimeOffset?)null : State.WaitingSince.Values.Min();
        var target = rules.ReplyTarget.TotalMinutes;
        var overdue = State.WaitingSince.Values.Count(since => (now - since).TotalMinutes > target);
        var judged = State.ResponseMinutes.Count + overdue;
        double? replyRate = judged == 0 ? null : (double)State.ResponseMinutes.Count(m => m <= target) / judged;
        double? satisfaction = State.Ratings == 0 ? null : (double)State.RatingSum / State.Ratings;

        var flags = new List<string>();
        if (quiet >= rules.NoUpdateWarning)
        {
            flags.Add(InspectionFlags.NoUpdate);
        }
        if (quiet >= rules.InactiveAfter)
        {
            flags.Add(InspectionFlags.Inactive);
        }
        if (oldest is { } waiting && now - waiting > rules.UnansweredVeto)
        {
            flags.Add(InspectionFlags.Veto);
        }
        return new AccountIndicators(AccountId, now, State.LastUpdateAt, (int)quiet.TotalDays,
            State.WaitingSince.Count, oldest, replyRate, Median(State.ResponseMinutes), satisfaction, State.Ratings,
            State.ClockBreaches, State.ServiceLevelBreaches, State.Corrections, State.ModerationActions, flags,
            InspectionScore.Of(flags, replyRate, satisfaction, State.ClockBreaches + State.ServiceLevelBreaches));
    }

    Task<IReadOnlyList<UnansweredWait>> IAccountIndicatorsGrain.GetLongestWaits(int count) =>
        Task.FromResult<IReadOnlyList<UnansweredWait>>([.. State.WaitingSince
            .OrderBy(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(count)
            .Select(w => new UnansweredWait(w.Key, w.Value))]);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
