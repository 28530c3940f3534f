using Hub.Grains.Accounts;

namespace Hub.Web.Tests;

/// <summary>
/// An outgoing grain call filter for a web node: while <see cref="Failing"/>, every presence
/// renewal fails as it does when the account grain sits on a silo that has just died; otherwise
/// renewals go through, and a test can await the node's next renewal of an account.
/// </summary>
public sealed class FaultyPresenceRenewals : IOutgoingGrainCallFilter
{
    private readonly Lock _gate = new();
    private readonly List<(string AccountId, TaskCompletionSource<IReadOnlyList<string>> Renewed)> _waiting = [];

    public volatile bool Failing;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.MethodName != nameof(IAccountGrain.RenewPresence))
        {
            await context.Invoke();
            return;
        }
        if (Failing)
        {
            throw new TimeoutException("the account's silo did not answer");
        }
        // Read before the call: the request is recycled once it is sent.
        var (accountId, agentIds) = (context.TargetId.Key.ToString()!, (IReadOnlyList<string>)context.Request.GetArgument(1)!);
        await context.Invoke();
        lock (_gate)
        {
            foreach (var waiter in _waiting.Where(w => w.AccountId == accountId).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Renewed.TrySetResult(agentIds);
            }
        }
    }

    /// <summary>The agents of the next renewal of <paramref name="accountId"/> that succeeds from now on.</summary>
    public Task<IReadOnlyList<string>> NextRenewal(string accountId)
    {
        var renewed = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add((accountId, renewed));
        }
        return renewed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
