using Hub.Grains.Common;

namespace Hub.Grains.Accounts;

/// <summary>
/// An account's canned responses, keyed by the account's id. The account's supervisors and
/// admins keep them; its agents read them.
/// </summary>
public interface ICannedResponsesGrain : IGrainWithStringKey
{
    /// <summary>Every response, by title.</summary>
    Task<IReadOnlyList<CannedResponse>> GetAll(Caller staff);

    Task<CannedResponse> Add(Caller keeper, string title, string text);

    /// <summary>Replaces a response's title and text; not_found for a response the account does not have.</summary>
    Task<CannedResponse> Edit(Caller keeper, string responseId, string title, string text);

    Task Delete(Caller keeper, string responseId);
}
