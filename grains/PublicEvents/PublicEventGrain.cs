using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Questions;
using Microsoft.Extensions.Options;

namespace Hub.Grains.PublicEvents;

/// <summary>One partial file per area: this one opens, describes and closes the event.</summary>
public sealed partial class PublicEventGrain(
    [PersistentState("public-event", StorageNames.Grains)] IPersistentState<PublicEventState> state,
    IOptions<LegalClockOptions> clockOptions,
    IOptions<QuestionOptions> questionOptions,
    IUpdateLog timeline,
    IQuestionStore questionStore,
    IClientPush push,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IPublicEventGrain, IRemindable
{
    public const int MaxTitleLength = 200;

    /// <summary>The published updates, kept in the update log and read back at activation.</summary>
    private List<EventUpdate> _updates = [];

    private PublicEventState State => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists)
        {
            await KeepPseudonymKey();
            _updates = [.. await timeline.Read(Id)];
            foreach (var question in (await questionStore.Load(Id)).OrderBy(q => q.Number))
            {
                Remember(question);
            }
        }
        await base.OnActivateAsync(cancellationToken);
    }

    async Task<PublicEventSnapshot> IPublicEventGrain.Open(Caller press, PublicEventRequest request)
    {
        var accountId = AccountId.Require(request.AccountId);
        if (!press.HasRoleIn(accountId, Roles.Press))
        {
            throw RuleViolation.Forbidden($"only press officers of '{accountId}' open its events");
        }
        var kind = PublicEventKind.Require(request.Kind);
        var title = TextRules.RequireText(request.Title, "title").Trim();
        if (title.Length > MaxTitleLength)
        {
            throw RuleViolation.BadRequest($"title is at most {MaxTitleLength} characters");
        }
        var severity = kind == PublicEventKind.Live && request.Severity is null ? 4 : Severity.Require(request.Severity);
        if (State.Exists)
        {
            throw RuleViolation.Conflict($"event '{Id}' already exists");
        }
        await GrainFactory.GetGrain<IAccountGrain>(accountId).GetProfile();

        var now = time.GetUtcNow();
        State.Kind = kind;
        State.Title = title;
        State.Severity = severity;
        State.Status = PublicEventStatus.Open;
        State.AccountIds = [accountId];
        State.OpenedAt = now;
        State.PseudonymKey = AuthorPseudonyms.NewKey();
        if (kind == PublicEventKind.Incident)
        {
            State.Clocks = [.. clockOptions.Value.For(severity).Select(c => LegalClock.Start(c.Key, now, c.Value))];
        }
        Audit(press, "opened", $"{kind}, grade {severity}: {title}");
        await state.WriteOrReload(this);
        await StartClocks();
        await PublishSummary();
        return Snapshot();
    }

    Task<PublicEventSnapshot> IPublicEventGrain.GetSnapshot()
    {
        RequireExists();
        return Task.FromResult(Snapshot());
    }

    async Task IPublicEventGrain.InviteAccount(Caller press, string accountId)
    {
        RequireExists();
        if (!press.HasRoleIn(State.LeadAccountId, Roles.Press))
        {
            throw RuleViolation.Forbidden("only the lead account's press officers invite accounts");
        }
        AccountId.Require(accountId);
        RequireNotClosed();
        await GrainFactory.GetGrain<IAccountGrain>(accountId).GetProfile();
        if (State.AccountIds.Contains(accountId))
        {
            return;
        }
        State.AccountIds.Add(accountId);
        Audit(press, "invited", accountId);
        await state.WriteOrReload(this);
        await PublishSummary();
    }

    async Task IPublicEventGrain.SetStatus(Caller press, string status, string? summary)
    {
        RequirePress(press);
        if (status is not (PublicEventStatus.Open or PublicEventStatus.Monitoring or PublicEventStatus.Closed))
        {
            throw RuleViolation.BadRequest("status must be open, monitoring or closed");
        }
        RequireNotClosed();
        if (status == State.Status)
        {
            return;
        }
        if (status == PublicEventStatus.Closed)
        {
            State.ClosingSummary = TextRules.RequireText(summary, "summary").Trim();
            State.ClosedAt = time.GetUtcNow();
        }
        State.Status = status;
        Audit(press, status, State.ClosingSummary ?? "");
        await state.WriteOrReload(this);
        if (status == PublicEventStatus.Closed)
        {
            await StopClocks();
        }
        await push.ToGroups([PushGroups.Followers(Id)], ClientEvents.EventStatus, new EventStatusChanged(Id, status, State.ClosingSummary));
        await PublishSummary();
    }

    Task<IReadOnlyList<AuditEntry>> IPublicEventGrain.GetAuditTrail(Caller press)
    {
        if (!Inspects(press))
        {
            RequirePress(press);
        }
        return Task.FromResult<IReadOnlyList<AuditEntry>>([.. State.Audit]);
    }

    private PublicEventSnapshot Snapshot() => new(
        Id, State.Title, State.Kind, State.Severity, State.Status, [.. _updates], PublicQuestions(),
        State.LeadAccountId, [.. State.AccountIds], State.OpenedAt, State.ClosedAt, State.ClosingSummary,
        [.. State.Clocks], [.. State.PressConferences], State.PinnedQuestionId);

    private Task PublishSummary() =>
        GrainFactory.GetGrain<IPublicEventDirectoryGrain>(0).Upsert(new PublicEventSummary(
            Id, State.Title, State.Kind, State.Severity, State.Status, State.LeadAccountId, [.. State.AccountIds], State.OpenedAt));

    private void Audit(Caller actor, string action, string detail) =>
        State.Audit.Add(new AuditEntry(time.GetUtcNow(), actor.UserId, actor.DisplayName, action, detail));

    /// <summary>Connections of the press officers of every account on the event.</summary>
    private IReadOnlyCollection<string> PressGroups() => [.. State.AccountIds.Select(PushGroups.PressOf)];

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw RuleViolation.NotFound($"event '{Id}' does not exist");
        }
    }

    private void RequirePress(Caller caller)
    {
        RequireExists();
        if (!caller.HasRoleInAny(State.AccountIds, Roles.Press))
        {
            throw RuleViolation.Forbidden("only press officers of the event's accounts can do this");
        }
    }

    /// <summary>An inspector of one of the event's accounts, who may read its trails but change nothing.</summary>
    private bool Inspects(Caller caller)
    {
        RequireExists();
        return caller.HasRoleInAny(State.AccountIds, Roles.Inspector);
    }

    private void RequireNotClosed()
    {
        if (State.Status == PublicEventStatus.Closed)
        {
            throw RuleViolation.Conflict("the event is closed");
        }
    }
}
