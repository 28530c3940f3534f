using System.Net;
using System.Reflection;
using System.Text.Json;
using Hub.Realtime.Hubs;
using Hub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>
/// Who may call what: every hub method and REST endpoint against every kind of caller, from
/// the table below. An allowed caller may still be refused for another reason (not_found,
/// conflict, bad_request from the deliberately harmless arguments), but never as unauthorized
/// or forbidden; everyone else is refused as one of those two. A method or endpoint the table
/// does not name fails the test, so a new one cannot ship without its row.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class AuthorizationMatrixTests(HubFixture hub)
{
    private const string Anonymous = "anonymous", Citizen = "citizen", OtherCitizen = "other-citizen", Agent = "agent",
        Press = "press", Moderator = "moderator", Inspector = "inspector", Supervisor = "supervisor", Admin = "admin",
        Outsider = "outsider";

    private static readonly string[] Everyone =
        [Anonymous, Citizen, OtherCitizen, Agent, Press, Moderator, Inspector, Supervisor, Admin, Outsider];

    private static readonly string[] SignedIn = [.. Everyone.Except([Anonymous])];

    private static readonly string[] Citizens = [Citizen, OtherCitizen];

    private HubApi Api => hub.Api;

    private sealed record World(string Account, string ConversationId, string EventId, string StatementId, string QuestionId, string AdminId, string AgentId, string Reference, string Body);

    private sealed record HubRow(string Method, string[] Allowed, Func<World, object?[]> Args);

    private sealed record RestRow(string Verb, string Pattern, string[] Allowed, Func<World, string> Path, Func<World, object?>? Body = null);

    // Rows run in order, refused callers first: the last ones change state (resolve, rate).
    private static readonly HubRow[] HubRows =
    [
        new("StartConversation", Citizens, w => [w.Account, "矩阵"]),
        new("SendMessage", [Citizen, Agent], w => [w.ConversationId, $"m-{Guid.NewGuid():N}", "矩阵消息"]),
        new("GetHistory", [Citizen, Agent, Inspector], w => [w.ConversationId, 0L]),
        new("JoinConversation", [Citizen, Agent, Inspector], w => [w.ConversationId]),
        new("GetConversation", [Citizen, Agent, Inspector], w => [w.ConversationId]),
        new("GetMyConversations", [Agent], w => [w.Account]),
        new("SetTyping", [Citizen, Agent], w => [w.ConversationId, false]),
        new("MarkRead", [Citizen, Agent], w => [w.ConversationId, 0L]),
        new("AddNote", [Agent, Supervisor], w => [w.ConversationId, "内部备注"]),
        new("GetNotes", [Agent, Supervisor, Inspector], w => [w.ConversationId]),
        new("TransferConversation", [Agent], w => [w.ConversationId, "no-such-account", "转办"]),
        new("FollowEvent", Everyone, w => [w.EventId]),
        new("FollowEventBoard", Everyone, w => [w.EventId]),
        new("UnfollowEvent", Everyone, w => [w.EventId]),
        new("FollowAccount", Everyone, w => [w.Account]),
        new("UnfollowAccount", Everyone, w => [w.Account]),
        new("WatchWebhooks", [Admin, Supervisor], w => [w.Account]),
        new("UnwatchWebhooks", Everyone, w => [w.Account]),
        new("WatchBodyWebhooks", [Admin], w => [w.Body]),
        new("UnwatchBodyWebhooks", Everyone, w => [w.Body]),
        new("FollowInspection", [Admin], w => [w.Body]),
        new("UnfollowInspection", Everyone, w => [w.Body]),
        new("DraftStatement", [Press], w => [w.EventId, "草稿"]),
        new("DraftCorrection", [Press], w => [w.EventId, "s404", "更正"]),
        new("DraftRebuttal", [Press], w => [w.EventId, "谣言", "辟谣"]),
        new("EditStatement", [Press], w => [w.EventId, w.StatementId, "修改后的草稿"]),
        new("ApproveStatement", [Press], w => [w.EventId, "s404"]),
        new("PublishStatement", [Press], w => [w.EventId, "s404"]),
        new("GetStatements", [Press], w => [w.EventId]),
        new("InviteAccount", [Press], w => [w.EventId, "no-such-account"]),
        new("RecordPressConference", [Press], w => [w.EventId, DateTimeOffset.UtcNow.AddDays(1), "新闻发布厅"]),
        new("SetEventStatus", [Press], w => [w.EventId, "no-such-status", null]),
        new("GetAuditTrail", [Press, Inspector], w => [w.EventId]),
        new("AskQuestion", Citizens, w => [w.EventId, $"q-{Guid.NewGuid():N}", "矩阵提问"]),
        new("UpvoteQuestion", Citizens, w => [w.EventId, w.QuestionId]),
        new("ModerateQuestion", [Press, Moderator], w => [w.EventId, "q404", "approve"]),
        new("ModerateQuestionWithReason", [Press, Moderator], w => [w.EventId, "q404", "reject", "理由"]),
        new("AnswerQuestion", [Press, Moderator], w => [w.EventId, "q404", "回答"]),
        new("MergeQuestions", [Press, Moderator], w => [w.EventId, "q404", w.QuestionId]),
        new("PinQuestion", [Press, Moderator], w => [w.EventId, null]),
        new("GetModerationQueue", [Press, Moderator, Inspector], w => [w.EventId]),
        new("GetMyQuestions", SignedIn, w => [w.EventId]),
        new("GetServiceDesk", [Supervisor], w => [w.Account]),
        new("SetAgentCapacity", [Supervisor], w => [w.Account, w.AgentId, 4]),
        new("ReassignConversation", [Supervisor], w => [w.Account, w.ConversationId, "s-nobody"]),
        new("GetServiceLevels", [Agent, Press, Moderator, Inspector, Supervisor, Admin], w => [w.Account]),
        new("SetServiceLevels", [Supervisor, Admin], w => [w.Account, new { timeZone = "Asia/Shanghai", hours = new[] { "25:00-26:00" }, workingDays = new[] { 1 }, firstResponseMinutes = 30, resolutionMinutes = 420 }]),
        new("GetCannedResponses", [Agent, Supervisor, Admin], w => [w.Account]),
        new("AddCannedResponse", [Supervisor, Admin], w => [w.Account, " ", "矩阵回复"]),
        new("EditCannedResponse", [Supervisor, Admin], w => [w.Account, "r404", "矩阵", "矩阵回复"]),
        new("DeleteCannedResponse", [Supervisor, Admin], w => [w.Account, "r404"]),
        new("GetLabels", [Agent, Supervisor, Admin], w => [w.Account]),
        new("SetLabels", [Supervisor, Admin], w => [w.Account, new[] { "咨询", " " }]),
        new("AddLabel", [Agent, Supervisor], w => [w.ConversationId, "无此标签"]),
        new("RemoveLabel", [Agent, Supervisor], w => [w.ConversationId, "无此标签"]),
        new("GetTransferTargets", [Agent], w => [w.Account]),
        new("TransferToAgent", [Agent], w => [w.Account, w.ConversationId, "s-nobody", "转给同事"]),
        new("SetAvailability", [Agent], w => [w.Account, false]),
        new("SetLeaveMessagesOnly", [Supervisor], w => [w.Account, false]),
        new("RateConversation", [Citizen], w => [w.ConversationId, 5]),
        new("ResolveConversation", [Agent], w => [w.ConversationId]),
    ];

    private static readonly RestRow[] RestRows =
    [
        new("POST", "/api/auth/citizen", Everyone, _ => "/api/auth/citizen", _ => new { displayName = "矩阵市民" }),
        new("POST", "/api/auth/staff", Everyone, _ => "/api/auth/staff", _ => new { username = HubAppFactory.AdminUsername, password = HubAppFactory.AdminPassword }),
        new("POST", "/api/auth/renew", SignedIn, _ => "/api/auth/renew"),
        new("GET", "/api/accounts/", Everyone, _ => "/api/accounts"),
        new("GET", "/api/accounts/{id}", Everyone, w => $"/api/accounts/{w.Account}"),
        new("POST", "/api/accounts/", [Admin], _ => "/api/accounts", _ => new { id = "Not Valid!", name = "x" }),
        new("GET", "/api/accounts/{id}/restricted-words", [Admin, Press, Moderator], w => $"/api/accounts/{w.Account}/restricted-words"),
        new("PUT", "/api/accounts/{id}/restricted-words", [Admin, Press, Moderator], w => $"/api/accounts/{w.Account}/restricted-words", _ => new { words = new[] { "矩阵词" } }),
        new("GET", "/api/accounts/{id}/staff/", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/staff"),
        new("POST", "/api/accounts/{id}/staff/", [Admin], w => $"/api/accounts/{w.Account}/staff", _ => new { username = "x", password = "short" }),
        new("PUT", "/api/accounts/{id}/staff/{userId}", [Admin], w => $"/api/accounts/{w.Account}/staff/s-nobody", _ => new { roles = new[] { "agent" } }),
        new("GET", "/api/staff/", [Admin], _ => "/api/staff"),
        new("GET", "/api/staff/{userId}", [Admin], _ => "/api/staff/s-nobody"),
        new("PATCH", "/api/staff/{userId}", [Admin], _ => "/api/staff/s-nobody", _ => new { disabled = true }),
        new("GET", "/api/events/", Everyone, _ => "/api/events"),
        new("GET", "/api/events/{eventId}", Everyone, w => $"/api/events/{w.EventId}"),
        new("POST", "/api/events/", [Press], w => "/api/events", w => new { accountId = w.Account, kind = "incident", title = "矩阵", severity = 9 }),
        new("POST", "/api/conversations/return", Everyone, _ => "/api/conversations/return", _ => new { reference = "HB-20000101-0001", code = "0000-0000-0000" }),
        new("GET", "/api/conversations/{id}/transcript", [Citizen, Agent, Supervisor, Inspector, Admin], w => $"/api/conversations/{w.ConversationId}/transcript"),
        new("GET", "/api/accounts/{id}/intake", Everyone, w => $"/api/accounts/{w.Account}/intake"),
        new("GET", "/api/accounts/{id}/conversations/by-reference/{reference}", [Agent, Supervisor, Inspector, Admin],
            w => $"/api/accounts/{w.Account}/conversations/by-reference/{w.Reference}"),
        new("GET", "/api/security-log", [Admin, Inspector], w => $"/api/security-log?accountId={w.Account}"),
        new("GET", "/api/webhooks/event-types", Everyone, _ => "/api/webhooks/event-types"),
        new("POST", "/api/api-keys/", [Admin], _ => "/api/api-keys", _ => new { name = "矩阵", scope = "everything" }),
        new("GET", "/api/api-keys/", [Admin], _ => "/api/api-keys"),
        new("DELETE", "/api/api-keys/{keyId}", [Admin], _ => "/api/api-keys/0000000000000000"),
        new("GET", "/api/accounts/{id}/feed.atom", Everyone, w => $"/api/accounts/{w.Account}/feed.atom"),
        new("GET", "/api/accounts/{id}/feed.rss", Everyone, w => $"/api/accounts/{w.Account}/feed.rss"),
        new("GET", "/api/accounts/{id}/feed.json", Everyone, w => $"/api/accounts/{w.Account}/feed.json"),
        new("POST", "/api/accounts/{id}/webhooks/", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/webhooks", _ => new { url = "ftp://x", types = new[] { "conversation.created" } }),
        new("GET", "/api/accounts/{id}/webhooks/", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/webhooks"),
        new("DELETE", "/api/accounts/{id}/webhooks/{subscriptionId}", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/webhooks/wh_nothing"),
        new("GET", "/api/accounts/{id}/webhooks/deliveries", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/webhooks/deliveries"),
        new("POST", "/api/accounts/{id}/webhooks/deliveries/{deliveryId}/replay", [Admin, Supervisor], w => $"/api/accounts/{w.Account}/webhooks/deliveries/d0/replay"),
        new("POST", "/api/bodies/{id}/webhooks/", [Admin], w => $"/api/bodies/{w.Body}/webhooks", _ => new { url = "ftp://x", types = new[] { "conversation.created" } }),
        new("GET", "/api/bodies/{id}/webhooks/", [Admin], w => $"/api/bodies/{w.Body}/webhooks"),
        new("DELETE", "/api/bodies/{id}/webhooks/{subscriptionId}", [Admin], w => $"/api/bodies/{w.Body}/webhooks/wh_nothing"),
        new("GET", "/api/bodies/{id}/webhooks/deliveries", [Admin], w => $"/api/bodies/{w.Body}/webhooks/deliveries"),
        new("POST", "/api/bodies/{id}/webhooks/deliveries/{deliveryId}/replay", [Admin], w => $"/api/bodies/{w.Body}/webhooks/deliveries/d0/replay"),
        new("GET", "/api/bodies/", Everyone, _ => "/api/bodies"),
        new("POST", "/api/bodies/", [Admin], w => "/api/bodies", w => new { id = $"{w.Body}-b", name = "矩阵局", level = "bureau", parentId = w.Body }),
        new("PUT", "/api/bodies/{id}/parent", [Admin], w => $"/api/bodies/{w.Body}/parent", _ => new { parentId = (string?)null }),
        new("GET", "/api/bodies/{id}/accounts", Everyone, w => $"/api/bodies/{w.Body}/accounts"),
        new("POST", "/api/bodies/{id}/accounts", [Admin], w => $"/api/bodies/{w.Body}/accounts", _ => new { id = "Not Valid!", name = "x", channel = "app", handle = "x" }),
        new("GET", "/api/accounts/{id}/placement/", Everyone, w => $"/api/accounts/{w.Account}/placement"),
        new("PUT", "/api/accounts/{id}/placement/", [Admin], w => $"/api/accounts/{w.Account}/placement", w => new { bodyId = w.Body, channel = "wechat", handle = "gh_matrix" }),
        new("GET", "/api/bodies/mine", SignedIn, _ => "/api/bodies/mine"),
        new("GET", "/api/bodies/{id}/members", [Admin], w => $"/api/bodies/{w.Body}/members"),
        new("POST", "/api/bodies/{id}/members", [Admin], w => $"/api/bodies/{w.Body}/members", _ => new { username = "x", password = "short" }),
        new("PUT", "/api/bodies/{id}/members/{userId}", [Admin], w => $"/api/bodies/{w.Body}/members/s-nobody", _ => new { roles = Array.Empty<string>() }),
        new("PUT", "/api/accounts/{id}/roles/{userId}", [Admin], w => $"/api/accounts/{w.Account}/roles/s-nobody", _ => new { roles = new[] { "agent" } }),
        new("GET", "/api/accounts/{id}/posts/", Everyone, w => $"/api/accounts/{w.Account}/posts"),
        new("GET", "/api/accounts/{id}/posts/queue", [Press, Supervisor, Inspector, Admin], w => $"/api/accounts/{w.Account}/posts/queue"),
        new("POST", "/api/accounts/{id}/posts/", [Press], w => $"/api/accounts/{w.Account}/posts", _ => new { kind = "notice", title = "矩阵通知", text = "矩阵" }),
        new("PUT", "/api/accounts/{id}/posts/{postId}", [Press], w => $"/api/accounts/{w.Account}/posts/p404", _ => new { title = "矩阵", text = "矩阵" }),
        new("POST", "/api/accounts/{id}/posts/{postId}/submit", [Press], w => $"/api/accounts/{w.Account}/posts/p404/submit"),
        new("POST", "/api/accounts/{id}/posts/{postId}/review", [Press, Supervisor], w => $"/api/accounts/{w.Account}/posts/p404/review", _ => new { approve = true }),
        new("POST", "/api/accounts/{id}/posts/{postId}/publish", [Press], w => $"/api/accounts/{w.Account}/posts/p404/publish", _ => new { at = (DateTimeOffset?)null }),
        new("POST", "/api/accounts/{id}/posts/{postId}/withdraw", [Press], w => $"/api/accounts/{w.Account}/posts/p404/withdraw", _ => new { reason = "矩阵" }),
        new("PUT", "/api/accounts/{id}/review-policy", [Supervisor, Admin], w => $"/api/accounts/{w.Account}/review-policy", _ => new { reviewers = 9 }),
        new("POST", "/api/accounts/{id}/closure", [Admin], w => $"/api/accounts/{w.Account}/closure", _ => new { notice = " " }),
        new("GET", "/api/bodies/{id}/inspection-rules", [Admin], w => $"/api/bodies/{w.Body}/inspection-rules"),
        new("PUT", "/api/bodies/{id}/inspection-rules", [Admin], w => $"/api/bodies/{w.Body}/inspection-rules", _ => new { noUpdateWarning = "14.00:00:00", unansweredVeto = "90.00:00:00", inactiveAfter = "1.00:00:00", replyTarget = "1.00:00:00" }),
        new("POST", "/api/bodies/{id}/inspections", [Admin], w => $"/api/bodies/{w.Body}/inspections"),
        new("GET", "/api/bodies/{id}/inspections", [Admin], w => $"/api/bodies/{w.Body}/inspections"),
        new("GET", "/api/bodies/{id}/live-indicators", [Admin], w => $"/api/bodies/{w.Body}/live-indicators"),
        new("GET", "/api/bodies/{id}/inspections/{runId}", [Admin], w => $"/api/bodies/{w.Body}/inspections/r404"),
        new("GET", "/api/bodies/{id}/inspections/{runId}/csv", [Admin], w => $"/api/bodies/{w.Body}/inspections/r404/csv"),
        new("GET", "/api/bodies/{id}/inspections/{runId}/accounts/{accountId}", [Admin], w => $"/api/bodies/{w.Body}/inspections/r404/accounts/{w.Account}"),
        new("GET", "/api/bodies/{id}/inspection-schedule", [Admin], w => $"/api/bodies/{w.Body}/inspection-schedule"),
        new("POST", "/api/bodies/{id}/inspection-schedule", [Admin], w => $"/api/bodies/{w.Body}/inspection-schedule", _ => new { at = DateTimeOffset.UtcNow.AddDays(-1) }),
        new("DELETE", "/api/bodies/{id}/inspection-schedule/{scheduleId}", [Admin], w => $"/api/bodies/{w.Body}/inspection-schedule/s404"),
        new("POST", "/api/bodies/{id}/inspections/{runId}/notice", [Admin], w => $"/api/bodies/{w.Body}/inspections/r404/notice", _ => new { text = "矩阵通报" }),
        new("GET", "/api/bodies/{id}/notices", [Admin], w => $"/api/bodies/{w.Body}/notices"),
        new("GET", "/api/accounts/{id}/indicators", [Inspector, Admin], w => $"/api/accounts/{w.Account}/indicators"),
        new("GET", "/health", Everyone, _ => "/health"),
        new("GET", "/health/live", Everyone, _ => "/health/live"),
        new("GET", "/health/ready", Everyone, _ => "/health/ready"),
        new("GET", "/openapi/{documentName}.json", Everyone, _ => "/openapi/v1.json"),
        new("GET", "/openapi/hub.json", Everyone, _ => "/openapi/hub.json"),
        new("GET", "/api/accounts/{id}/embedding/", [Admin], w => $"/api/accounts/{w.Account}/embedding"),
        new("PUT", "/api/accounts/{id}/embedding/", [Admin], w => $"/api/accounts/{w.Account}/embedding", _ => new { origins = new[] { "not an origin" } }),
        // The API reference's group: its redirect to the trailing slash has an empty pattern.
        new("GET", "/docs/api/{documentName?}", Everyone, _ => "/docs/api/"),
        new("GET", "/docs/api/scalar.js", Everyone, _ => "/docs/api/scalar.js"),
        new("GET", "/docs/api/scalar.aspnetcore.js", Everyone, _ => "/docs/api/scalar.aspnetcore.js"),
        new("GET", "/docs/api/favicon.svg", Everyone, _ => "/docs/api/favicon.svg"),
        new("GET", "/metrics", [Admin], _ => "/metrics"),
        // WeChat's servers authenticate by signature; the world's account is not linked, so every caller gets not_found.
        new("GET", "/channels/wechat/{accountId}", Everyone, w => $"/channels/wechat/{w.Account}?signature=0&timestamp=0&nonce=n&echostr=e"),
        new("POST", "/channels/wechat/{accountId}", Everyone, w => $"/channels/wechat/{w.Account}?signature=0&timestamp=0&nonce=n"),
        new("PUT", "/api/accounts/{id}/channels/wechat", [Admin], w => $"/api/accounts/{w.Account}/channels/wechat", _ => new { appId = "wx-matrix" }),
        new("POST", "/ops/session", [Admin], _ => "/ops/session"),
    ];

    [Fact]
    public void Every_hub_method_has_a_row()
    {
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.DeclaringType == typeof(LiveHub) && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .Select(m => m.Name)
            .ToHashSet();

        Assert.Equal(methods.Order(), HubRows.Select(r => r.Method).Order());
    }

    [Fact]
    public void Every_rest_endpoint_has_a_row()
    {
        var endpoints = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/hub", StringComparison.Ordinal)
                && !raw.StartsWith(DashboardExtensions.Path, StringComparison.Ordinal)
                && e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(v => $"{v} {e.RoutePattern.RawText}"))
            .ToHashSet();

        // The dashboard's own endpoints are one family, checked as such in DashboardTests; pages are
        // public, and what they show comes from the REST and hub calls checked here.
        Assert.Equal(endpoints.Order(), RestRows.Select(r => $"{r.Verb} {r.Pattern}").Order());
    }

    [Fact]
    public async Task Every_caller_is_allowed_or_refused_as_the_table_says()
    {
        var (world, tokens) = await Build();
        var clients = new Dictionary<string, LiveClient>();
        foreach (var (who, token) in tokens)
        {
            clients[who] = await hub.Connect(token);
        }
        var wrong = new List<string>();
        try
        {
            foreach (var row in HubRows)
            {
                foreach (var who in Everyone.OrderBy(w => row.Allowed.Contains(w)))
                {
                    var refusal = await HubRefusal(clients[who], row.Method, row.Args(world));
                    Judge(wrong, $"hub {row.Method}", who, row.Allowed.Contains(who), refusal);
                }
            }
            foreach (var row in RestRows)
            {
                foreach (var who in Everyone.OrderBy(w => row.Allowed.Contains(w)))
                {
                    var response = await Api.Send(new HttpMethod(row.Verb), row.Path(world), tokens[who], row.Body?.Invoke(world));
                    var refusal = response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => "unauthorized",
                        HttpStatusCode.Forbidden => "forbidden",
                        >= HttpStatusCode.InternalServerError => $"status {(int)response.StatusCode}",
                        _ => null,
                    };
                    Judge(wrong, $"{row.Verb} {row.Pattern}", who, row.Allowed.Contains(who), refusal);
                }
            }
        }
        finally
        {
            await Task.WhenAll(clients.Values.Select(c => c.DisposeAsync().AsTask()));
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static void Judge(List<string> wrong, string what, string who, bool allowed, string? refusal)
    {
        var deniedAccess = refusal is "unauthorized" or "forbidden";
        if (allowed && (deniedAccess || refusal?.StartsWith("status") == true || refusal?.StartsWith("error") == true))
        {
            wrong.Add($"{what}: {who} should be allowed but got {refusal}");
        }
        if (!allowed && !deniedAccess)
        {
            wrong.Add($"{what}: {who} should be refused but got {refusal ?? "an answer"}");
        }
    }

    /// <summary>The contract code of a refused call, "error ..." for anything else that failed, null when it was answered.</summary>
    private static async Task<string?> HubRefusal(LiveClient client, string method, object?[] args)
    {
        try
        {
            await client.Invoke<JsonElement?>(method, args);
            return null;
        }
        catch (HubException error)
        {
            var text = error.Message[(error.Message.IndexOf("HubException: ", StringComparison.Ordinal) is var at and >= 0 ? at + 14 : 0)..];
            var code = text.Split(':')[0];
            return code is "bad_request" or "unauthorized" or "forbidden" or "not_found" or "conflict" or "too_large" or "rate_limited"
                ? code : $"error {error.Message}";
        }
    }

    /// <summary>One account with a member of each role, an outsider holding every role in another account, and something of each kind.</summary>
    private async Task<(World World, Dictionary<string, string?> Tokens)> Build()
    {
        var (account, elsewhere) = (await Api.Account(), await Api.Account());
        var tokens = new Dictionary<string, string?> { [Anonymous] = null };
        var userIds = new Dictionary<string, string>();
        foreach (var role in new[] { Agent, Press, Moderator, Inspector, Supervisor })
        {
            var member = await Api.StaffMember(account, $"矩阵{role}", role);
            tokens[role] = (await Api.SignIn(member.Username, HubApi.StaffPassword)).Token;
            userIds[role] = member.UserId;
        }
        var outsider = await Api.StaffMember(elsewhere, "外单位", Agent, Press, Moderator, Inspector, Supervisor);
        tokens[Outsider] = (await Api.SignIn(outsider.Username, HubApi.StaffPassword)).Token;
        var admin = await Api.Admin();
        tokens[Admin] = admin.Token;
        tokens[Citizen] = (await Api.Citizen("矩阵市民")).Token;
        tokens[OtherCitizen] = (await Api.Citizen("另一位市民")).Token;

        await using var agent = await hub.Connect(tokens[Agent]);
        await agent.Invoke("SetAvailability", account, true);
        await using var citizen = await hub.Connect(tokens[Citizen]);
        var started = await citizen.Invoke<JsonElement>("StartConversation", account, "矩阵会话");
        var conversationId = started.Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(conversationId));

        var eventId = await Api.OpenEvent(tokens[Press]!, account, severity: 3, title: "矩阵事件", kind: "live");
        await using var press = await hub.Connect(tokens[Press]);
        var statementId = (await press.Invoke<JsonElement>("DraftStatement", eventId, "初稿")).Str("statementId");
        var questionId = (await citizen.Invoke<JsonElement>("AskQuestion", eventId, "矩阵-q", "矩阵问题")).Str("questionId");
        await press.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");
        var body = await new BodiesClient(Api).Body(admin.Token, "province", null, "矩阵省");
        (await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/placement", admin.Token, new { bodyId = body, channel = "wechat", handle = "gh_matrix" })).EnsureSuccessStatusCode();
        return (new World(account, conversationId, eventId, statementId, questionId, admin.UserId, userIds[Agent], started.Str("reference"), body), tokens);
    }
}
