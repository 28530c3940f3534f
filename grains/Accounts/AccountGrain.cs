using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Hosting;
using Hub.Grains.Limits;
using Hub.Grains.Push;
using Hub.Grains.Questions;
using Hub.Grains.Security;
using Hub.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Accounts;

public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> state,
    IOptions<RoutingOptions> routing,
    IOptions<LimitOptions> limits,
    IClientPush push,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private AccountState State => state.State;

    private int Capacity => routing.Value.AgentCapacity;

    async Task IAccountGrain.Create(AccountProfile profile)
    {
        if (State.Profile is not null)
        {
            if (State.Profile with { CreatedAt = profile.CreatedAt } == profile)
            {
                return;
            }
            throw RuleViolation.Conflict($"account '{profile.Id}' already exists");
        }
        State.Profile = profile;
        await state.WriteOrReload(this);
    }

    Task<AccountProfile> IAccountGrain.GetProfile() => Task.FromResult(RequireProfile());

    async Task IAccountGrain.SetStaff(StaffMember member)
    {
        RequireProfile();
        if (member.Roles.Count == 0)
        {
            State.Staff.Remove(member.UserId);
        }
        else
        {
            State.Staff[member.UserId] = member;
        }
        if (member.Routable)
        {
            State.Agents.TryAdd(member.UserId, new AgentSlot());
        }
        else if (State.Agents.TryGetValue(member.UserId, out var slot))
        {
            // What they hold stays theirs until it is resolved or moved; they only stop taking more.
            slot.Available = false;
            slot.AvailableSince = null;
            if (slot.Open.Count == 0)
            {
                State.Agents.Remove(member.UserId);
            }
        }
        await state.WriteOrReload(this);
    }

    Task<IReadOnlyList<StaffMember>> IAccountGrain.GetStaff()
    {
        RequireProfile();
        return Task.FromResult<IReadOnlyList<StaffMember>>([.. State.Staff.Values.OrderBy(m => m.DisplayName, StringComparer.Ordinal)]);
    }

    async Task IAccountGrain.SetAvailability(string agentId, bool available)
    {
        RequireProfile();
        if (!State.Staff.TryGetValue(agentId, out var member) || !member.Routable
            || !State.Agents.TryGetValue(agentId, out var slot))
        {
            throw RuleViolation.Forbidden($"only agents of '{this.GetPrimaryKeyString()}' can take its conversations");
        }
        if (slot.Available == available)
        {
            return;
        }
        slot.Available = available;
        slot.AvailableSince = available ? time.GetUtcNow() : null;
        await state.WriteOrReload(this);
        if (available)
        {
            await Drain();
        }
    }

    async Task<RoutingResult> IAccountGrain.RequestAgent(RoutingRequest request)
    {
        RequireProfile();
        var holder = State.Agents.FirstOrDefault(a => a.Value.Open.Contains(request.ConversationId));
        if (holder.Key is not null)
        {
            return new RoutingResult(AssignmentOf(holder.Key), null);
        }
        var queued = State.Queue.FindIndex(q => q.ConversationId == request.ConversationId);
        if (queued >= 0)
        {
            return new RoutingResult(null, queued + 1);
        }

        RequireRoomFor(request);
        State.OpenCitizens[request.ConversationId] = request.CitizenId;
        if (State.Queue.Count == 0 && AgentSelection.Pick(State.Agents, Capacity, IsPresent) is { } agentId)
        {
            TakeOn(agentId, request.ConversationId);
            await state.WriteOrReload(this);
            return new RoutingResult(AssignmentOf(agentId), null, !request.IsTransfer && !AcceptsLiveChat(time.GetUtcNow()));
        }

        State.Queue.Add(new QueuedConversation(request.ConversationId, request.CitizenId, time.GetUtcNow(), request.Subject));
        await state.WriteOrReload(this);
        return new RoutingResult(null, State.Queue.Count, !request.IsTransfer && TakesMessagesOnly());
    }

    async Task IAccountGrain.Release(string conversationId, string agentId)
    {
        var changed = State.Agents.TryGetValue(agentId, out var slot) && slot.Open.Remove(conversationId);
        changed |= State.Queue.RemoveAll(q => q.ConversationId == conversationId) > 0;
        changed |= State.OpenCitizens.Remove(conversationId);
        changed |= State.ServiceLevelWatch.Remove(conversationId);
        changed |= State.OpenLabels.Remove(conversationId);
        if (!changed)
        {
            return;
        }
        await state.WriteOrReload(this);
        await Drain();
    }

    async Task IAccountGrain.SetRestrictedWords(Caller caller, IReadOnlyList<string> words)
    {
        var id = RequireProfile().Id;
        var allowed = caller.HasRole(Roles.Admin) || caller.HasRoleIn(id, Roles.Moderator) || caller.HasRoleIn(id, Roles.Press);
        if (!allowed)
        {
            throw RuleViolation.Forbidden("only admins and the account's moderators and press officers set restricted words");
        }
        var cleaned = words.Select(w => w?.Trim() ?? "").Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count > RestrictedWords.MaxWords || cleaned.Any(w => w.Length > RestrictedWords.MaxWordLength))
        {
            throw RuleViolation.BadRequest($"at most {RestrictedWords.MaxWords} words of at most {RestrictedWords.MaxWordLength} characters");
        }
        var added = cleaned.Except(State.RestrictedWords, StringComparer.OrdinalIgnoreCase).Count();
        var removed = State.RestrictedWords.Except(cleaned, StringComparer.OrdinalIgnoreCase).Count();
        State.RestrictedWords = cleaned;
        await state.WriteOrReload(this);
        // Counts only: the log is read by inspectors, who may not read the words themselves.
        await securityLog.Record(time, SecurityEventKinds.RestrictedWordsChanged, caller, id, id,
            $"{cleaned.Count} in the list, {added} added, {removed} removed");
    }

    Task<IReadOnlyList<string>> IAccountGrain.GetRestrictedWords()
    {
        RequireProfile();
        return Task.FromResult<IReadOnlyList<string>>([.. State.RestrictedWords]);
    }

    Task<IReadOnlyList<string>> IAccountGrain.GetOpenConversations(string agentId)
    {
        IReadOnlyList<string> open = State.Agents.TryGetValue(agentId, out var slot) ? [.. slot.Open] : [];
        return Task.FromResult(open);
    }

    /// <summary>
    /// Assigns queued conversations while agents have room. The assignments are stored
    /// before the conversations hear of them, so a crash in between leaves the account
    /// believing the agent holds the conversation, never the other way round.
    /// </summary>
    private async Task Drain()
    {
        while (true)
        {
            var assigned = new List<(string ConversationId, AgentAssignment Assignment)>();
            while (State.Queue.Count > 0 && AgentSelection.Pick(State.Agents, Capacity, IsPresent) is { } agentId)
            {
                var next = State.Queue[0];
                State.Queue.RemoveAt(0);
                GrainMetrics.QueueWaited(RequireProfile().Id, time.GetUtcNow() - next.EnqueuedAt);
                TakeOn(agentId, next.ConversationId);
                assigned.Add((next.ConversationId, AssignmentOf(agentId)));
            }
            if (assigned.Count == 0)
            {
                return;
            }
            await state.WriteOrReload(this);

            var refused = 0;
            foreach (var (conversationId, assignment) in assigned)
            {
                if (!await GrainFactory.GetGrain<IConversationGrain>(conversationId).AssignAgent(assignment))
                {
                    logger.LogWarning("Conversation {ConversationId} refused agent {AgentId}", conversationId, assignment.AgentId);
                    State.Agents[assignment.AgentId].Open.Remove(conversationId);
                    refused++;
                }
            }
            if (refused > 0)
            {
                await state.WriteOrReload(this);
                continue;
            }
            await AnnounceQueuePositions();
            return;
        }
    }

    private async Task AnnounceQueuePositions()
    {
        for (var i = 0; i < State.Queue.Count; i++)
        {
            var queued = State.Queue[i];
            await push.ToUsers([queued.CitizenId], ClientEvents.ConversationStatus,
                new ConversationStatusChanged(queued.ConversationId, ConversationStatus.Queued.ToWire(), i + 1));
        }
    }

    /// <summary>A citizen may hold only a few open conversations with one account; transfers are the account's doing, not theirs.</summary>
    private void RequireRoomFor(RoutingRequest request)
    {
        var cap = limits.Value.OpenConversationsPerAccount;
        if (limits.Value.Enabled && !request.IsTransfer && State.OpenCitizens.Values.Count(c => c == request.CitizenId) >= cap)
        {
            throw RuleViolation.RateLimited($"at most {cap} open conversations with one account; wait until one is resolved");
        }
    }

    private void TakeOn(string agentId, string conversationId)
    {
        var slot = State.Agents[agentId];
        slot.Open.Add(conversationId);
        slot.LastAssignedAt = time.GetUtcNow();
    }

    private AgentAssignment AssignmentOf(string agentId) =>
        new(this.GetPrimaryKeyString(), agentId, State.Staff[agentId].DisplayName);

    private AccountProfile RequireProfile() =>
        State.Profile ?? throw RuleViolation.NotFound($"account '{this.GetPrimaryKeyString()}' does not exist");
}
