using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Conversations.References;

/// <summary>
/// Wrong return codes are counted per number and kept, so waiting out an activation forgives
/// nothing: after <see cref="FreeFailures"/> the number takes one try a minute, then one every
/// two, four, ... up to an hour. A right code resets the count.
/// </summary>
public sealed class ConversationReferenceGrain(
    [PersistentState("conversation-reference", StorageNames.Grains)] IPersistentState<ConversationReferenceState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time)
    : Grain, IConversationReferenceGrain
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private ConversationReferenceState State => state.State;

    async Task IConversationReferenceGrain.Register(ReferenceEntry entry)
    {
        if (State.Entry is { } bound)
        {
            if (bound.ConversationId == entry.ConversationId)
            {
                return;
            }
            throw new InvalidOperationException($"reference {this.GetPrimaryKeyString()} was drawn twice");
        }
        State.Entry = entry;
        await state.WriteOrReload(this);
    }

    async Task IConversationReferenceGrain.Forget(string conversationId)
    {
        if (State.Entry?.ConversationId == conversationId)
        {
            await state.ClearStateAsync();
        }
    }

    Task<string> IConversationReferenceGrain.ConversationId() => Task.FromResult(RequireEntry().ConversationId);

    async Task<ReturnTicket> IConversationReferenceGrain.Redeem(string code)
    {
        var entry = RequireEntry();
        var now = time.GetUtcNow();
        if (State.NotBefore > now)
        {
            throw RuleViolation.RateLimited("too many wrong return codes for this reference number; try again later", State.NotBefore - now);
        }
        if (!ReturnCode.Matches(code, entry.ReturnCodeHash))
        {
            State.Failures++;
            if (State.Failures >= FreeFailures)
            {
                var minutes = Math.Min(Math.Pow(2, State.Failures - FreeFailures), MaxWait.TotalMinutes);
                State.NotBefore = now + TimeSpan.FromMinutes(minutes);
            }
            await state.WriteOrReload(this);
            throw RuleViolation.Unauthorized("wrong return code for this reference number");
        }
        if (State.Failures > 0)
        {
            State.Failures = 0;
            State.NotBefore = DateTimeOffset.MinValue;
            await state.WriteOrReload(this);
        }
        return new ReturnTicket(entry.ConversationId, this.GetPrimaryKeyString(), entry.CitizenId, entry.CitizenName);
    }

    private ReferenceEntry RequireEntry() =>
        State.Entry ?? throw RuleViolation.NotFound("no conversation has this reference number");
}

[GenerateSerializer, Alias("hub.conversation-reference-state")]
public sealed class ConversationReferenceState
{
    [Id(0)] public ReferenceEntry? Entry { get; set; }
    [Id(1)] public int Failures { get; set; }
    [Id(2)] public DateTimeOffset NotBefore { get; set; }
}
