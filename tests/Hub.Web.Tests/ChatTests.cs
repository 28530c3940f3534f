using System.Text.Json;

namespace Hub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class ChatTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_citizen_and_an_available_agent_chat_live_until_resolution_and_rating()
    {
        var account = await Api.Account();
        var agentToken = await Api.Agent(account, "李坐席");
        await using var agent = await hub.Connect(agentToken.Token);
        await agent.Invoke("SetAvailability", account, true);
        var citizenToken = await Api.Citizen("张三");
        await using var citizen = await hub.Connect(citizenToken.Token);
        await using var citizenSecondTab = await hub.Connect(citizenToken.Token);

        var started = await citizen.Invoke<JsonElement>("StartConversation", account, "户籍办理");
        var id = started.Str("conversationId");
        var assigned = await agent.Next("conversationAssigned", e => e.IsFor(id));
        Assert.Equal((account, agentToken.UserId, "户籍办理"), (assigned.Str("accountId"), assigned.Str("agentId"), assigned.Str("subject")));
        await citizen.Next("conversationAssigned", e => e.IsFor(id));

        var sent = await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", "你好，迁户口需要什么材料？");
        Assert.Equal(1, sent.Long("seq"));
        var received = await agent.Next("message", e => e.IsFor(id));
        Assert.Equal(("c-1", citizenToken.UserId, "citizen", "你好，迁户口需要什么材料？"),
            (received.Str("clientMessageId"), received.Str("senderId"), received.Str("senderRole"), received.Str("text")));
        Assert.True(DateTimeOffset.TryParse(received.Str("sentAt"), out _));
        await citizenSecondTab.Next("message", e => e.IsFor(id) && e.Long("seq") == 1);

        await agent.Invoke("SetTyping", id, true);
        Assert.True((await citizen.Next("typing", e => e.IsFor(id))).GetProperty("isTyping").GetBoolean());
        await agent.Invoke("MarkRead", id, 1L);
        Assert.Equal(1, (await citizen.Next("readReceipt", e => e.IsFor(id))).Long("seq"));
        await agent.Invoke<JsonElement>("SendMessage", id, "a-1", "请带身份证和户口本。");
        Assert.Equal("agent", (await citizen.Next("message", e => e.IsFor(id) && e.Long("seq") == 2)).Str("senderRole"));

        var history = await citizen.Invoke<JsonElement[]>("GetHistory", id, 0L);
        Assert.Equal([1L, 2L], history.Select(m => m.Long("seq")));

        await agent.Invoke("ResolveConversation", id);
        await citizen.Next("conversationStatus", e => e.IsFor(id) && e.Str("status") == "resolved");
        await citizen.Invoke("RateConversation", id, 5);
        var view = await citizen.Invoke<JsonElement>("GetConversation", id);
        Assert.Equal(5, view.GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task A_queued_conversation_is_assigned_when_an_agent_becomes_available()
    {
        var account = await Api.Account();
        var agentToken = await Api.Agent(account);
        await using var agent = await hub.Connect(agentToken.Token);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);

        var started = await citizen.Invoke<JsonElement>("StartConversation", account, "排队");
        var id = started.Str("conversationId");
        Assert.Equal(("queued", 1), (started.Str("status"), started.GetProperty("queuePosition").GetInt32()));
        await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", "有人吗？");

        await agent.Invoke("SetAvailability", account, true);

        await citizen.Next("conversationStatus", e => e.IsFor(id) && e.Str("status") == "assigned");
        await agent.Next("conversationAssigned", e => e.IsFor(id));
        var mine = await agent.Invoke<JsonElement[]>("GetMyConversations", account);
        var listed = Assert.Single(mine);
        Assert.Equal((id, 1), (listed.Str("conversationId"), listed.GetProperty("unread").GetInt32()));
    }

    [Fact]
    public async Task A_transfer_reaches_an_agent_of_the_target_account_with_its_note()
    {
        var hotline = await Api.Account("12345 热线");
        var housing = await Api.Account("市住建局", "住房和城乡建设");
        await using var firstAgent = await hub.Connect((await Api.Agent(hotline)).Token);
        var secondToken = await Api.Agent(housing, "住建坐席");
        await using var secondAgent = await hub.Connect(secondToken.Token);
        await firstAgent.Invoke("SetAvailability", hotline, true);
        await secondAgent.Invoke("SetAvailability", housing, true);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", hotline, "物业纠纷")).Str("conversationId");
        await firstAgent.Next("conversationAssigned", e => e.IsFor(id));

        await firstAgent.Invoke("TransferConversation", id, housing, "物业维修基金问题，转住建局");

        var assigned = await secondAgent.Next("conversationAssigned", e => e.IsFor(id));
        Assert.Equal(("物业维修基金问题，转住建局", hotline), (assigned.Str("transferNote"), assigned.Str("fromAccountId")));
        await firstAgent.Next("conversationTransferred", e => e.IsFor(id) && e.Str("toAccountId") == housing);
        var view = await citizen.Invoke<JsonElement>("GetConversation", id);
        Assert.Equal((housing, secondToken.UserId), (view.Str("accountId"), view.Str("agentId")));
    }

    [Fact]
    public async Task A_dropped_citizen_reconnects_and_catches_up_by_seq_and_a_resend_is_not_stored_twice()
    {
        var account = await Api.Account();
        await using var agent = await hub.Connect((await Api.Agent(account)).Token);
        await agent.Invoke("SetAvailability", account, true);
        var citizenToken = (await Api.Citizen()).Token;
        var citizen = await hub.Connect(citizenToken);
        var id = (await citizen.Invoke<JsonElement>("StartConversation", account, "断线重连")).Str("conversationId");
        await agent.Next("conversationAssigned", e => e.IsFor(id));
        Assert.Equal(1, (await citizen.Invoke<JsonElement>("SendMessage", id, "c-1", "第一条")).Long("seq"));
        await citizen.DisposeAsync();

        for (var i = 1; i <= 3; i++)
        {
            await agent.Invoke<JsonElement>("SendMessage", id, $"a-{i}", $"回复 {i}");
        }
        await using var back = await hub.Connect(citizenToken);
        var joined = await back.Invoke<JsonElement>("JoinConversation", id);
        var missed = await back.Invoke<JsonElement[]>("GetHistory", id, 1L);
        var resent = await back.Invoke<JsonElement>("SendMessage", id, "c-1", "第一条");

        Assert.Equal(4, joined.Long("lastSeq"));
        Assert.Equal([2L, 3L, 4L], missed.Select(m => m.Long("seq")));
        Assert.Equal(1, resent.Long("seq"));
        Assert.Equal(4, (await back.Invoke<JsonElement[]>("GetHistory", id, 0L)).Length);

        await agent.Invoke<JsonElement>("SendMessage", id, "a-4", "还在吗？");
        await back.Next("message", e => e.IsFor(id) && e.Long("seq") == 5);
    }
}
