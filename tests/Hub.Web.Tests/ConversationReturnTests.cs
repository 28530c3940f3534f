using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// A citizen leaves a message, comes back with its reference number and return code, and reads
/// the answer; wrong codes are refused and slowed; transcripts and look-ups by number are for
/// the citizen and the account's staff only.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class ConversationReturnTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    private sealed record LeftMessage(string Account, string ConversationId, string Reference, string ReturnCode, string CitizenId);

    /// <summary>A citizen starts while no agent is on duty, says something, and closes the page.</summary>
    private async Task<LeftMessage> LeaveMessage(string account)
    {
        var citizen = await Api.Citizen("赵女士");
        await using var page = await hub.Connect(citizen.Token);
        var started = await page.Invoke<JsonElement>("StartConversation", account, "小区停水");
        Assert.True(started.GetProperty("leftMessage").GetBoolean());
        Assert.Equal("queued", started.Str("status"));
        var conversationId = started.Str("conversationId");
        await page.Invoke<JsonElement>("SendMessage", conversationId, "m1", "三天没有水了，什么时候恢复？");
        return new LeftMessage(account, conversationId, started.Str("reference"), started.Str("returnCode"), citizen.UserId);
    }

    private Task<HttpResponseMessage> Return(string reference, string code) =>
        Api.Send(HttpMethod.Post, "/api/conversations/return", body: new { reference, code });

    [Fact]
    public async Task A_citizen_who_left_a_message_comes_back_with_its_number_and_code_and_reads_the_answer_live()
    {
        var left = await LeaveMessage(await Api.Account());
        var agent = await Api.Agent(left.Account);
        await using var console = await hub.Connect(agent.Token);
        await console.Invoke("SetAvailability", left.Account, true);
        await console.Next("conversationAssigned", e => e.IsFor(left.ConversationId));
        await console.Invoke<JsonElement>("SendMessage", left.ConversationId, "a1", "明天上午九点前恢复供水");

        var response = await Return(left.Reference.ToLowerInvariant(), left.ReturnCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var returned = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((left.ConversationId, left.Reference, left.CitizenId, "赵女士"),
            (returned.Str("conversationId"), returned.Str("reference"), returned.Str("userId"), returned.Str("displayName")));
        await using var back = await hub.Connect(returned.Str("token"));
        var view = await back.Invoke<JsonElement>("JoinConversation", left.ConversationId);
        var history = await back.Invoke<JsonElement>("GetHistory", left.ConversationId, 0L);
        Assert.Equal(("assigned", true), (view.Str("status"), view.GetProperty("leftMessage").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("returnCode").ValueKind);
        Assert.Equal(["三天没有水了，什么时候恢复？", "明天上午九点前恢复供水"], history.EnumerateArray().Select(m => m.Str("text")));

        await console.Invoke<JsonElement>("SendMessage", left.ConversationId, "a2", "维修队已到现场");
        await back.Next("message", m => m.Str("text") == "维修队已到现场");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_after_a_few_the_number_waits_even_for_the_right_one()
    {
        var left = await LeaveMessage(await Api.Account());

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Return(left.Reference, "0000-0000-0000");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("unauthorized", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
        }
        var waiting = await Return(left.Reference, left.ReturnCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.NotNull(waiting.Headers.RetryAfter);
        Assert.DoesNotContain("token", await waiting.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Return("HB-19991231-0001", left.ReturnCode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Return("not a number", left.ReturnCode)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Return(left.Reference, " ")).StatusCode);
    }

    [Fact]
    public async Task Tries_beyond_the_limit_of_one_address_are_refused_before_any_code_is_checked()
    {
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["Hub:Limits:ConversationReturns:Permits"] = "2" });
        var api = new HubApi(node.Address);
        var citizen = await api.Citizen();
        await using var page = await LiveClient.Connect(node.Address, citizen.Token);
        var started = await page.Invoke<JsonElement>("StartConversation", await api.Account(), "");
        var body = new { reference = started.Str("reference"), code = started.Str("returnCode") };

        Assert.Equal(HttpStatusCode.OK, (await api.Send(HttpMethod.Post, "/api/conversations/return", body: body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Send(HttpMethod.Post, "/api/conversations/return", body: body)).StatusCode);
        var refused = await api.Send(HttpMethod.Post, "/api/conversations/return", body: body);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("rate_limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
    }

    [Fact]
    public async Task A_transcript_is_a_plain_text_attachment_without_private_notes_for_the_citizen_and_the_account_s_staff()
    {
        var account = await Api.Account("市水务集团");
        var citizen = await Api.Citizen("钱先生");
        var agent = await Api.Agent(account, "孙坐席");
        await using var console = await hub.Connect(agent.Token);
        await console.Invoke("SetAvailability", account, true);
        await using var page = await hub.Connect(citizen.Token);
        var started = await page.Invoke<JsonElement>("StartConversation", account, "水费账单");
        var id = started.Str("conversationId");
        await console.Next("conversationAssigned", e => e.IsFor(id));
        await page.Invoke<JsonElement>("SendMessage", id, "c1", "账单金额不对");
        await console.Invoke<JsonElement>("SendMessage", id, "a1", "已为您复核，多收的费用将退回");
        await console.Invoke<JsonElement>("AddNote", id, "内部：抄表员录入错误");
        var inspector = await Api.SignIn((await Api.StaffMember(account, "督查员", "inspector")).Username, HubApi.StaffPassword);
        var outsider = await Api.Agent(await Api.Account());

        var forCitizen = await Api.Send(HttpMethod.Get, $"/api/conversations/{id}/transcript", citizen.Token);
        var forInspector = await Api.Send(HttpMethod.Get, $"/api/conversations/{id}/transcript", inspector.Token);

        Assert.Equal(HttpStatusCode.OK, forCitizen.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", forCitizen.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", forCitizen.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{started.Str("reference")}.txt", forCitizen.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await forCitizen.Content.ReadAsStringAsync();
        Assert.Contains(started.Str("reference"), text);
        Assert.Contains("市民 Citizen 钱先生:\n  账单金额不对\n", text);
        Assert.Contains("工作人员 Officer 孙坐席:\n  已为您复核，多收的费用将退回\n", text);
        Assert.DoesNotContain("抄表员", text);
        Assert.Equal(text, await forInspector.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/conversations/{id}/transcript", (await Api.Citizen()).Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/conversations/{id}/transcript", outsider.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Get, $"/api/conversations/{Guid.NewGuid():N}/transcript", citizen.Token)).StatusCode);
    }

    [Fact]
    public async Task Staff_of_the_account_find_a_conversation_by_its_number()
    {
        var left = await LeaveMessage(await Api.Account());
        var agent = await Api.Agent(left.Account);
        var otherAccount = await Api.Account();
        var outsider = await Api.Agent(otherAccount);
        string Path(string account, string reference) => $"/api/accounts/{account}/conversations/by-reference/{reference}";

        var found = await Api.Send(HttpMethod.Get, Path(left.Account, left.Reference), agent.Token);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var view = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((left.ConversationId, left.Reference, "小区停水"), (view.Str("conversationId"), view.Str("reference"), view.Str("subject")));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Get, Path(left.Account, "HB-19991231-0001"), agent.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, Path(left.Account, left.Reference), outsider.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Get, Path(otherAccount, left.Reference), outsider.Token)).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_s_switch_makes_starts_left_messages_and_the_account_says_so_to_anyone()
    {
        var account = await Api.Account();
        var agent = await Api.Agent(account);
        await using var console = await hub.Connect(agent.Token);
        await console.Invoke("SetAvailability", account, true);
        var supervisor = await Api.SignIn((await Api.StaffMember(account, "值班长", "supervisor")).Username, HubApi.StaffPassword);
        await using var desk = await hub.Connect(supervisor.Token);
        async Task<JsonElement> Intake() => await (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/intake")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True((await Intake()).GetProperty("liveChat").GetBoolean());

        await desk.Invoke("SetLeaveMessagesOnly", account, true);

        var intake = await Intake();
        Assert.Equal((false, true), (intake.GetProperty("liveChat").GetBoolean(), intake.GetProperty("leaveMessagesOnly").GetBoolean()));
        await using var page = await hub.Connect((await Api.Citizen()).Token);
        Assert.True((await page.Invoke<JsonElement>("StartConversation", account, "")).GetProperty("leftMessage").GetBoolean());
    }
}
