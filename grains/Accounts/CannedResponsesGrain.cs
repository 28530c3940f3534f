using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.Accounts;

/// <summary>
/// Kept apart from the account grain on purpose: the account's state is written on every
/// assignment, release and queue move, and a full list of responses (up to
/// <see cref="CannedResponse.MaxCount"/> texts of <see cref="CannedResponse.MaxTextLength"/>
/// characters) would be rewritten with each of them. Responses change a few times a week and
/// are read when an agent opens the list, so they get a grain and a state of their own.
/// </summary>
public sealed class CannedResponsesGrain(
    [PersistentState("canned-responses", StorageNames.Grains)] IPersistentState<CannedResponsesState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, ICannedResponsesGrain
{
    private bool _accountExists;

    private string AccountId => this.GetPrimaryKeyString();

    private List<CannedResponse> Responses => state.State.Responses;

    async Task<IReadOnlyList<CannedResponse>> ICannedResponsesGrain.GetAll(Caller staff)
    {
        await RequireAccount();
        if (!Keeps(staff) && !staff.HasRoleIn(AccountId, Roles.Agent))
        {
            throw RuleViolation.Forbidden($"only staff of '{AccountId}' read its canned responses");
        }
        return [.. Responses.OrderBy(r => r.Title, StringComparer.Ordinal)];
    }

    async Task<CannedResponse> ICannedResponsesGrain.Add(Caller keeper, string title, string text)
    {
        await RequireKeeper(keeper);
        var response = Shape(keeper, $"r{state.State.LastNumber + 1}", title, text);
        if (Responses.Count >= CannedResponse.MaxCount)
        {
            throw RuleViolation.Conflict($"an account keeps at most {CannedResponse.MaxCount} canned responses");
        }
        Responses.Add(response);
        state.State.LastNumber++;
        await state.WriteOrReload(this);
        return response;
    }

    async Task<CannedResponse> ICannedResponsesGrain.Edit(Caller keeper, string responseId, string title, string text)
    {
        await RequireKeeper(keeper);
        var index = IndexOf(responseId);
        var response = Shape(keeper, responseId, title, text);
        Responses[index] = response;
        await state.WriteOrReload(this);
        return response;
    }

    async Task ICannedResponsesGrain.Delete(Caller keeper, string responseId)
    {
        await RequireKeeper(keeper);
        Responses.RemoveAt(IndexOf(responseId));
        await state.WriteOrReload(this);
    }

    /// <summary>The response as it will be stored, or bad_request; titles are how agents pick, so no two are alike.</summary>
    private CannedResponse Shape(Caller keeper, string responseId, string title, string text)
    {
        title = ShortText.Require(title, "title", CannedResponse.MaxTitleLength);
        text = TextRules.RequireText(text, "text").Trim();
        if (text.Length > CannedResponse.MaxTextLength)
        {
            throw RuleViolation.TooLarge($"a canned response's text is at most {CannedResponse.MaxTextLength} characters");
        }
        if (Responses.Any(r => r.ResponseId != responseId && string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            throw RuleViolation.Conflict($"another canned response is titled '{title}'");
        }
        return new CannedResponse(responseId, title, text, keeper.UserId, time.GetUtcNow());
    }

    private int IndexOf(string responseId)
    {
        var index = Responses.FindIndex(r => r.ResponseId == responseId);
        return index >= 0 ? index : throw RuleViolation.NotFound($"canned response '{responseId}' does not exist");
    }

    private bool Keeps(Caller caller) => caller.HasRole(Roles.Admin) || caller.HasRoleIn(AccountId, Roles.Supervisor);

    private async Task RequireKeeper(Caller caller)
    {
        await RequireAccount();
        if (!Keeps(caller))
        {
            throw RuleViolation.Forbidden($"only admins and supervisors of '{AccountId}' keep its canned responses");
        }
    }

    /// <summary>Accounts are never deleted, so once found the account is not asked again.</summary>
    private async Task RequireAccount()
    {
        if (!_accountExists)
        {
            await GrainFactory.GetGrain<IAccountGrain>(AccountId).GetProfile();
            _accountExists = true;
        }
    }
}
