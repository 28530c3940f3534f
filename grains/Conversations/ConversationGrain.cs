using Hub.Grains.Governance.Inspection;
using Hub.Grains.Governance.Posts;
using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Security;
using Hub.Grains.Webhooks;

namespace Hub.Grains.Conversations;

/// <summary>
/// The conversation's state (participants, status, reads) is grain state; its messages go to
/// the append-only message log, so a message costs one append, never a rewrite of the history.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Grains)] IPersistentState<ConversationState> state,
    IMessageLog log,
    IClientPush push,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IConversationGrain
{
    /// <summary>Why a conversation moved to another agent of its account; the pages word each in the reader's language.</summary>
    public const string HandedBack = "handed-back";
    public const string Reassigned = "reassigned";
    public const string TransferredToColleague = "colleague";

    /// <summary>What the citizen and the next agent read when a conversation is handed back.</summary>
    public const string HandBackNote = "the agent was away longer than the grace period; the next available agent takes over";

    public const int MaxNotes = 500;

    private long _lastSeq;

    private ConversationState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSeq = State.Status == ConversationStatus.None ? 0 : await log.LastSeq(Id);
        await base.OnActivateAsync(cancellationToken);
    }

    private string Id => this.GetPrimaryKeyString();

    async Task<ConversationView> IConversationGrain.Start(Caller citizen, string accountId, string subject)
    {
        if (!citizen.HasRole(Roles.Citizen))
        {
            throw RuleViolation.Forbidden("only citizens start conversations");
        }
        AccountId.Require(accountId);
        subject = TextRules.OptionalText(subject, "subject").Trim();
        if (State.Status != ConversationStatus.None)
        {
            throw RuleViolation.Conflict("conversation already started");
        }
        var account = GrainFactory.GetGrain<IAccountGrain>(accountId);
        var profile = await account.GetProfile();
        if (await GrainFactory.GetGrain<IAccountPostsGrain>(accountId).GetClosure() is not null)
        {
            throw RuleViolation.Conflict($"account '{accountId}' was closed and takes no new conversations");
        }

        State.Status = ConversationStatus.Queued;
        State.AccountId = accountId;
        State.AccountName = profile.Name;
        State.CitizenId = citizen.UserId;
        State.CitizenName = citizen.DisplayName;
        State.Subject = subject;
        State.CreatedAt = time.GetUtcNow();
        await StartServiceLevels(account);
        var returnCode = await DrawReference(citizen);
        await state.WriteOrReload(this);

        try
        {
            await Route(account);
        }
        catch (RuleViolation)
        {
            // The account refused it (too many open conversations): nothing of it stays.
            await ForgetReference();
            await state.ClearStateAsync();
            throw;
        }
        await ArmServiceLevels();
        await ReportServiceLevels();
        await GrainFactory.RaiseWebhook(accountId, WebhookEventTypes.ConversationCreated,
            new { conversationId = Id, accountId, State.Subject, State.CreatedAt });
        return await ViewFor(citizen.UserId) with { ReturnCode = returnCode };
    }

    async Task<long> IConversationGrain.Send(Caller sender, string clientMessageId, string text)
    {
        RequireStarted();
        var role = RoleOf(sender) ?? throw RuleViolation.Forbidden("only participants send messages");
        clientMessageId = TextRules.RequireClientId(clientMessageId, "clientMessageId");
        text = TextRules.RequireText(text, "text");
        if (State.Status == ConversationStatus.Resolved)
        {
            return (await log.FindByClientId(Id, sender.UserId, clientMessageId))?.Seq
                ?? throw RuleViolation.Conflict("conversation is resolved");
        }

        var message = new ChatMessage(Id, _lastSeq + 1, clientMessageId, sender.UserId, role, text, time.GetUtcNow());
        if (!await log.Append(message))
        {
            if (await log.FindByClientId(Id, sender.UserId, clientMessageId) is { } stored)
            {
                return stored.Seq;
            }
            // The seq was taken by an activation that ran before this one caught up (after a
            // silo failure): continue after what the log holds.
            _lastSeq = await log.LastSeq(Id);
            message = message with { Seq = _lastSeq + 1 };
            if (!await log.Append(message))
            {
                throw new InvalidOperationException($"conversation {Id} has another writer");
            }
        }
        _lastSeq = message.Seq;
        await push.ToUsers(Participants(), ClientEvents.Message, message);
        await RelayToChannel(role, message);
        await Responded(role, message.SentAt);
        await GrainFactory.ReportIndicator(State.AccountId, role == Roles.Citizen ? IndicatorEvent.CitizenMessage : IndicatorEvent.StaffReply, message.SentAt, Id);
        return message.Seq;
    }

    async Task<IReadOnlyList<ChatMessage>> IConversationGrain.GetHistory(Caller caller, long afterSeq)
    {
        RequireReader(caller);
        if (afterSeq < 0)
        {
            throw RuleViolation.BadRequest("afterSeq must not be negative");
        }
        await RecordInspection(caller, $"history after seq {afterSeq}");
        return HistoryPage.Fit(await log.Read(Id, afterSeq, HistoryPage.MaxMessages));
    }

    async Task<ConversationView> IConversationGrain.Describe(Caller caller)
    {
        RequireReader(caller);
        await RecordInspection(caller, "opened the conversation");
        return await ViewFor(caller.UserId);
    }

    async Task IConversationGrain.Transfer(Caller agent, string toAccountId, string note)
    {
        RequireAssignedAgent(agent);
        AccountId.Require(toAccountId);
        note = TextRules.OptionalText(note, "note").Trim();
        var target = GrainFactory.GetGrain<IAccountGrain>(toAccountId);
        var profile = await target.GetProfile();

        var from = State.AccountId;
        await GrainFactory.GetGrain<IAccountGrain>(from).Release(Id, agent.UserId);
        State.Transfers.Add(new TransferRecord(from, toAccountId, agent.UserId, note, time.GetUtcNow()));
        State.AccountId = toAccountId;
        State.AccountName = profile.Name;
        State.AgentId = null;
        State.AgentName = null;
        State.Status = ConversationStatus.Queued;
        // Labels are the sending account's words for the demand; the receiving account uses its own.
        State.Labels.Clear();
        await state.WriteOrReload(this);

        await push.ToUsers([State.CitizenId, agent.UserId], ClientEvents.ConversationTransferred,
            new ConversationTransferred(Id, from, toAccountId, note, agent.UserId));
        await Route(target, isTransfer: true);
        await ReportServiceLevels();
    }

    async Task IConversationGrain.Resolve(Caller agent)
    {
        RequireAssignedAgent(agent);
        State.Status = ConversationStatus.Resolved;
        State.ResolvedAt = time.GetUtcNow();
        StopServiceClocks(State.ResolvedAt.Value);
        await state.WriteOrReload(this);
        await GrainFactory.GetGrain<IAccountGrain>(State.AccountId).Release(Id, agent.UserId);
        await ArmServiceLevels();
        await PushStatus(Participants());
        await GrainFactory.RaiseWebhook(State.AccountId, WebhookEventTypes.ConversationResolved,
            new { conversationId = Id, State.AccountId, State.AgentId, State.ResolvedAt });
    }

    async Task IConversationGrain.Rate(Caller citizen, int score)
    {
        RequireStarted();
        if (citizen.UserId != State.CitizenId)
        {
            throw RuleViolation.Forbidden("only the citizen rates the conversation");
        }
        if (score is < 1 or > 5)
        {
            throw RuleViolation.BadRequest("score must be 1 to 5");
        }
        if (State.Status != ConversationStatus.Resolved)
        {
            throw RuleViolation.Conflict("a conversation is rated after it is resolved");
        }
        if (State.Rating is not null)
        {
            throw RuleViolation.Conflict("conversation is already rated");
        }
        State.Rating = score;
        await state.WriteOrReload(this);
        await GrainFactory.ReportIndicator(State.AccountId, IndicatorEvent.Rating, time.GetUtcNow(), Id, score);
        if (State.AgentId is { } agentId)
        {
            await push.ToUsers([agentId], ClientEvents.ConversationRated, new ConversationRated(Id, score));
        }
    }

    async Task IConversationGrain.SetTyping(Caller caller, bool isTyping)
    {
        RequireStarted();
        var role = RoleOf(caller) ?? throw RuleViolation.Forbidden("only participants type");
        await push.ToUsers(OthersThan(caller.UserId), ClientEvents.Typing,
            new TypingChanged(Id, caller.UserId, role, isTyping));
    }

    async Task IConversationGrain.MarkRead(Caller caller, long seq)
    {
        RequireStarted();
        var role = RoleOf(caller) ?? throw RuleViolation.Forbidden("only participants mark messages read");
        if (seq < 0)
        {
            throw RuleViolation.BadRequest("seq must not be negative");
        }
        seq = Math.Min(seq, _lastSeq);
        if (seq <= State.LastRead.GetValueOrDefault(caller.UserId))
        {
            return;
        }
        State.LastRead[caller.UserId] = seq;
        await state.WriteOrReload(this);
        await push.ToUsers(OthersThan(caller.UserId), ClientEvents.ReadReceipt,
            new ReadReceipt(Id, caller.UserId, role, seq));
    }

    async Task<bool> IConversationGrain.AssignAgent(AgentAssignment assignment)
    {
        if (State.Status != ConversationStatus.Queued || State.AccountId != assignment.AccountId)
        {
            return false;
        }
        await Apply(assignment);
        return true;
    }

    async Task<StaffNote> IConversationGrain.AddNote(Caller staff, string text)
    {
        RequireStarted();
        if (!ServesTheAccount(staff))
        {
            throw RuleViolation.Forbidden("only agents and supervisors of the conversation's account write its notes");
        }
        text = TextRules.RequireText(text, "text").Trim();
        if (State.Notes.Count >= MaxNotes)
        {
            throw RuleViolation.Conflict($"a conversation holds at most {MaxNotes} notes");
        }
        var note = new StaffNote(Id, State.Notes.Count + 1, staff.UserId, staff.DisplayName, text, time.GetUtcNow());
        State.Notes.Add(note);
        await state.WriteOrReload(this);
        await push.ToUsers(StaffOnIt(staff), ClientEvents.NoteAdded, note);
        return note;
    }

    async Task<IReadOnlyList<StaffNote>> IConversationGrain.GetNotes(Caller staff)
    {
        RequireStarted();
        if (!ServesTheAccount(staff))
        {
            if (!staff.HasRoleIn(State.AccountId, Roles.Inspector))
            {
                throw RuleViolation.Forbidden("only staff of the conversation's account read its notes");
            }
            await RecordInspection(staff, "read the private notes");
        }
        return [.. State.Notes];
    }

    /// <summary>The account's agents and supervisors write notes and labels, and read notes without it being an inspection.</summary>
    private bool ServesTheAccount(Caller staff) =>
        staff.HasRoleIn(State.AccountId, Roles.Agent) || staff.HasRoleIn(State.AccountId, Roles.Supervisor);

    async Task<bool> IConversationGrain.HandBack(string agentId, string reason, string note)
    {
        if (State.Status == ConversationStatus.Queued)
        {
            // Handed back already, and the account lost its record of that: it is waiting.
            return true;
        }
        if (State.Status != ConversationStatus.Assigned || State.AgentId != agentId)
        {
            return false;
        }
        // Recorded as a move within the account, so the next agent sees where it came from and why.
        State.Transfers.Add(new TransferRecord(State.AccountId, State.AccountId, agentId, note, time.GetUtcNow(), reason));
        State.Status = ConversationStatus.Queued;
        State.AgentId = null;
        State.AgentName = null;
        State.QueuePosition = 1;
        await state.WriteOrReload(this);
        await push.ToUsers([State.CitizenId, agentId], ClientEvents.ConversationTransferred,
            new ConversationTransferred(Id, State.AccountId, State.AccountId, note, agentId, reason));
        await PushStatus([State.CitizenId]);
        return true;
    }

    private async Task Route(IAccountGrain account, bool isTransfer = false)
    {
        var routing = await account.RequestAgent(new RoutingRequest(Id, State.CitizenId, State.Subject, isTransfer));
        State.LeftMessage |= routing.LeftMessage;
        if (routing.Assignment is { } assignment)
        {
            await Apply(assignment);
            return;
        }
        State.QueuePosition = routing.QueuePosition;
        if (routing.LeftMessage)
        {
            await state.WriteOrReload(this);
        }
        await PushStatus([State.CitizenId]);
    }

    private async Task Apply(AgentAssignment assignment)
    {
        State.Status = ConversationStatus.Assigned;
        State.AgentId = assignment.AgentId;
        State.AgentName = assignment.AgentName;
        State.AgentNames[assignment.AgentId] = assignment.AgentName;
        State.QueuePosition = null;
        await state.WriteOrReload(this);

        var lastTransfer = State.Transfers.LastOrDefault();
        await push.ToUsers(Participants(), ClientEvents.ConversationAssigned, new ConversationAssigned(
            Id, assignment.AccountId, assignment.AgentId, assignment.AgentName, State.Subject, State.CitizenName,
            lastTransfer?.Note, lastTransfer?.FromAccountId, lastTransfer?.Reason));
        await PushStatus(Participants());
    }

    private Task PushStatus(IReadOnlyCollection<string> to) =>
        push.ToUsers(to, ClientEvents.ConversationStatus,
            new ConversationStatusChanged(Id, State.Status.ToWire(), State.QueuePosition));

    private async Task<ConversationView> ViewFor(string userId)
    {
        var lastRead = State.LastRead.GetValueOrDefault(userId);
        // Counted over one page at most: past 500 the number no longer matters to the reader.
        var unread = lastRead >= _lastSeq ? 0 : (await log.Read(Id, lastRead, HistoryPage.MaxMessages)).Count(m => m.SenderId != userId);
        var lastTransfer = State.Transfers.LastOrDefault();
        var otherReadSeq = OthersThan(userId).Select(o => State.LastRead.GetValueOrDefault(o)).DefaultIfEmpty().Max();
        return WithServiceLevels(new ConversationView(Id, State.AccountId, State.AccountName, State.Subject, State.Status.ToWire(),
            State.CitizenId, State.CitizenName, State.AgentId, State.AgentName, _lastSeq, State.QueuePosition,
            State.Rating, unread, lastTransfer?.Note, lastTransfer?.FromAccountId, State.CreatedAt, otherReadSeq, lastTransfer?.Reason,
            Labels: userId == State.CitizenId ? [] : [.. State.Labels], Reference: State.Reference, LeftMessage: State.LeftMessage), userId);
    }

    private string? RoleOf(Caller caller) =>
        caller.UserId == State.CitizenId ? Roles.Citizen
        : caller.UserId == State.AgentId ? Roles.Agent
        : null;

    private IReadOnlyCollection<string> Participants() =>
        State.AgentId is null ? [State.CitizenId] : [State.CitizenId, State.AgentId];

    /// <summary>Who hears of a staff-only change: the assigned agent and the staff member who made it.</summary>
    private IReadOnlyCollection<string> StaffOnIt(Caller staff) =>
        State.AgentId is { } agentId && agentId != staff.UserId ? [agentId, staff.UserId] : [staff.UserId];

    private IReadOnlyCollection<string> OthersThan(string userId) =>
        [.. Participants().Where(p => p != userId)];

    private void RequireStarted()
    {
        if (State.Status == ConversationStatus.None)
        {
            throw RuleViolation.NotFound($"conversation '{Id}' does not exist");
        }
    }

    private void RequireReader(Caller caller)
    {
        RequireStarted();
        var inspects = caller.HasRoleIn(State.AccountId, Roles.Inspector);
        if (RoleOf(caller) is null && !inspects)
        {
            throw RuleViolation.Forbidden("only participants and the account's inspectors read this conversation");
        }
    }

    /// <summary>An inspector reading a conversation they take no part in is written in the security log.</summary>
    private Task RecordInspection(Caller caller, string what) =>
        RoleOf(caller) is null
            ? securityLog.Record(time, SecurityEventKinds.InspectorRead, caller, State.AccountId, Id, what)
            : Task.CompletedTask;

    private void RequireAssignedAgent(Caller agent)
    {
        RequireStarted();
        if (State.AgentId != agent.UserId)
        {
            throw RuleViolation.Forbidden("only the assigned agent can do this");
        }
        if (State.Status != ConversationStatus.Assigned)
        {
            throw RuleViolation.Conflict($"conversation is {State.Status.ToWire()}");
        }
    }
}
