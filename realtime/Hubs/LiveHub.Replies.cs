using Hub.Grains.Accounts;
using Hub.Grains.Limits;

namespace Hub.Realtime.Hubs;

/// <summary>An account's canned responses: its supervisors (and admins) keep them, its agents insert them.</summary>
public sealed partial class LiveHub
{
    /// <summary>The account's canned responses.</summary>
    /// <roles>agent, supervisor, admin</roles>
    public Task<IReadOnlyList<CannedResponse>> GetCannedResponses(string accountId) =>
        CannedResponses(accountId).GetAll(Caller);

    /// <summary>Adds a canned response.</summary>
    /// <roles>supervisor, admin</roles>
    public async Task<CannedResponse> AddCannedResponse(string accountId, string title, string text)
    {
        var (caller, responses) = (Caller, CannedResponses(accountId));
        await Take(caller, UserAction.DeskChange);
        return await responses.Add(caller, title, text);
    }

    /// <summary>Changes a canned response.</summary>
    /// <roles>supervisor, admin</roles>
    public async Task<CannedResponse> EditCannedResponse(string accountId, string responseId, string title, string text)
    {
        var (caller, responses) = (Caller, CannedResponses(accountId));
        await Take(caller, UserAction.DeskChange);
        return await responses.Edit(caller, responseId, title, text);
    }

    /// <summary>Deletes a canned response.</summary>
    /// <roles>supervisor, admin</roles>
    public async Task DeleteCannedResponse(string accountId, string responseId)
    {
        var (caller, responses) = (Caller, CannedResponses(accountId));
        await Take(caller, UserAction.DeskChange);
        await responses.Delete(caller, responseId);
    }

    private ICannedResponsesGrain CannedResponses(string? accountId) =>
        grains.GetGrain<ICannedResponsesGrain>(AccountId.Require(accountId));
}
