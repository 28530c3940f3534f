using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Push;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// Live flags: at each write, and at each tick of a reminder for the flags that rise with time
/// alone, the account is judged by the rules of every body above it, and the inspectors following
/// a body hear <c>accountIndicatorsChanged</c> only when what that body sees changed: at most once
/// per write-behind period, never once per message.
/// </summary>
public sealed partial class AccountIndicatorsGrain
{
    public const string LiveReminder = "live-flags";

    /// <summary>How long the account's place in the tree and its inspectors' rules are trusted before they are read again.</summary>
    public static readonly TimeSpan InspectorsRefresh = TimeSpan.FromMinutes(1);

    private Inspectors? _inspectors;

    /// <summary>The account's body (null when it belongs to none) and the rules of each body from it up to the root.</summary>
    private sealed record Inspectors(string? BodyId, IReadOnlyDictionary<string, InspectionRules> Rules, DateTimeOffset ReadAt);

    /// <summary>
    /// The reminder outlives activations in the reminder table, so it is registered once per
    /// period setting: an account's indicators wake with every first message after a quiet
    /// spell, and a table write each time would cost more than the message.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.LiveCheckPeriod;
        if (State.LiveCheckPeriod != period)
        {
            await this.RegisterOrUpdateReminder(LiveReminder, period, period);
            State.LiveCheckPeriod = period;
            await state.WriteOrReload(this);
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LiveReminder)
        {
            return;
        }
        var changes = await Changes();
        if (changes.Count > 0)
        {
            await state.WriteOrReload(this);
            await Tell(changes);
        }
    }

    /// <summary>What each inspecting body's followers have not yet been told, noted as told in the state.</summary>
    private async Task<IReadOnlyList<(string[] Groups, AccountIndicatorsChanged Change)>> Changes()
    {
        var inspectors = await ReadInspectors();
        foreach (var gone in State.Told.Keys.Where(b => !inspectors.Rules.ContainsKey(b)).ToList())
        {
            State.Told.Remove(gone);
        }
        if (inspectors.BodyId is not { } bodyId)
        {
            return [];
        }
        var quietSince = await QuietSince();
        var changes = new List<(string[], AccountIndicatorsChanged)>();
        foreach (var alike in inspectors.Rules.GroupBy(b => b.Value, b => b.Key))
        {
            var indicators = Indicators(alike.Key, quietSince);
            var headline = IndicatorHeadline.Of(indicators);
            var untold = alike.Where(body => State.Told.GetValueOrDefault(body) != headline).ToList();
            untold.ForEach(body => State.Told[body] = headline);
            if (untold.Count > 0)
            {
                changes.Add(([.. untold.Select(PushGroups.InspectorsOf)], new AccountIndicatorsChanged(AccountId, bodyId, indicators)));
            }
        }
        return changes;
    }

    private async Task Tell(IReadOnlyList<(string[] Groups, AccountIndicatorsChanged Change)> changes)
    {
        foreach (var (groups, change) in changes)
        {
            await push.ToGroups(groups, ClientEvents.AccountIndicatorsChanged, change);
        }
    }

    private async Task<Inspectors> ReadInspectors()
    {
        var now = time.GetUtcNow();
        if (_inspectors is { } known && now - known.ReadAt < InspectorsRefresh)
        {
            return known;
        }
        var tree = GrainFactory.GetGrain<IBodyTreeGrain>(0);
        var bodyId = await PlacedUnder(tree);
        var above = new List<string>();
        if (bodyId is not null)
        {
            var bodies = (await tree.GetBodies()).ToDictionary(b => b.Id);
            for (var at = bodyId; at is not null && bodies.TryGetValue(at, out var body); at = body.ParentId)
            {
                above.Add(at);
            }
        }
        var rules = await Task.WhenAll(above.Select(b => GrainFactory.GetGrain<IBodyInspectionGrain>(b).RulesInForce()));
        _inspectors = new Inspectors(bodyId, above.Zip(rules).ToDictionary(r => r.First, r => r.Second), now);
        return _inspectors;
    }

    private async Task<string?> PlacedUnder(IBodyTreeGrain tree)
    {
        try
        {
            return (await tree.GetPlacement(AccountId)).BodyId;
        }
        catch (RuleViolation)
        {
            return null;
        }
    }
}
