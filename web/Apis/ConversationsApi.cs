using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Conversations.References;
using Hub.Realtime.Identity;
using Hub.Web.Auth;
using Hub.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Apis;

/// <summary>
/// Conversations by their reference number: a citizen comes back with the number and the
/// return code, staff look one up, and either downloads the transcript.
/// </summary>
public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations");
        conversations.MapPost("/return", Return).RequireRateLimiting(AddressLimits.ConversationReturns);
        conversations.MapGet("/{id}/transcript", Transcript).RequireAuthorization();

        var accounts = app.MapGroup("/api/accounts").WithTags("Conversations");
        accounts.MapGet("/{id}/intake", Intake);
        accounts.MapGet("/{id}/conversations/by-reference/{reference}", ByReference).RequireAuthorization();
        return app;
    }

    public sealed record ReturnRequest(string? Reference, string? Code);

    /// <summary>The conversation the citizen came back to, and a token for the citizen it belongs to.</summary>
    public sealed record Returned(
        string ConversationId, string Reference, string Token, string UserId, string DisplayName,
        IReadOnlyList<string> Roles, DateTimeOffset ExpiresAt);

    private static async Task<Returned> Return(ReturnRequest body, IGrainFactory grains, TokenIssuer tokens, IOptions<AuthOptions> options)
    {
        var reference = ReferenceNumber.Require(body.Reference);
        if (string.IsNullOrWhiteSpace(body.Code))
        {
            throw RuleViolation.BadRequest("the return code is required");
        }
        var ticket = await grains.GetGrain<IConversationReferenceGrain>(reference).Redeem(body.Code);
        var citizen = AuthApi.Citizen(ticket.CitizenId, ticket.CitizenName, tokens, options.Value);
        return new Returned(ticket.ConversationId, ticket.Reference, citizen.Token, citizen.UserId, citizen.DisplayName, citizen.Roles, citizen.ExpiresAt);
    }

    private static async Task<IResult> Transcript(string id, HttpContext http, IGrainFactory grains)
    {
        var conversationId = GeneratedId.Require(id, "conversation");
        var transcript = await grains.GetGrain<IConversationGrain>(conversationId).GetTranscript(http.User.RequireCaller());
        return Results.File(System.Text.Encoding.UTF8.GetBytes(transcript.Text), "text/plain; charset=utf-8", transcript.FileName);
    }

    private static Task<Intake> Intake(string id, IGrainFactory grains) =>
        grains.GetGrain<IAccountGrain>(AccountId.Require(id)).GetIntake();

    private static async Task<ConversationView> ByReference(string id, string reference, HttpContext http, IGrainFactory grains)
    {
        var caller = http.User.RequireCaller();
        var accountId = AccountId.Require(id);
        var staff = caller.HasRole(Roles.Admin)
            || new[] { Roles.Agent, Roles.Supervisor, Roles.Inspector }.Any(role => caller.HasRoleIn(accountId, role));
        if (!staff)
        {
            throw RuleViolation.Forbidden($"only staff of '{accountId}' look up its conversations");
        }
        var conversationId = await grains.GetGrain<IConversationReferenceGrain>(ReferenceNumber.Require(reference)).ConversationId();
        return await grains.GetGrain<IConversationGrain>(conversationId).LookUp(caller, accountId);
    }
}
