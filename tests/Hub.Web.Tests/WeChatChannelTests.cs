using System.Net;
using System.Text.Json;
using Hub.Grains.Channels;
using Hub.Grains.Channels.WeChat;
using Hub.Grains.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Web.Tests;

/// <summary>
/// The WeChat channel end to end against a fake WeChat: signed pushes (plain and encrypted)
/// become a citizen's conversation with a connected agent, the agent's replies arrive as
/// customer-service messages, and bad input is refused with nothing stored.
/// </summary>
public sealed class WeChatChannelTests : IAsyncLifetime
{
    private const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private HubAppFactory _node = null!;
    private HubApi _api = null!;
    private HttpClient _http = null!;
    private FakeWeChat _weChat = null!;

    public async Task InitializeAsync()
    {
        // Long enough that the 49 hours the window test moves the clock do not hand the conversation back.
        _node = new HubAppFactory(new Dictionary<string, string> { ["Hub:Routing:AgentGracePeriod"] = "4.00:00:00" },
            services: s => s.AddKeyedSingleton<TimeProvider>(HubClock.Key, _clock));
        _api = new HubApi(_node.Address);
        _http = new HttpClient { BaseAddress = _node.Address };
        _weChat = await FakeWeChat.Start();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _weChat.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task The_server_url_is_verified_by_its_signature()
    {
        var account = await LinkedAccount();
        var push = Push();

        var verified = await _http.GetAsync($"/channels/wechat/{account}?{push.Query()}&echostr=echo-123");
        var forged = await _http.GetAsync($"/channels/wechat/{account}?{push.Query(signature: new string('0', 40))}&echostr=echo-123");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("echo-123", await verified.Content.ReadAsStringAsync());
        await Problems.Expect(forged, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_plain_text_push_reaches_an_agent_and_the_reply_reaches_the_user()
    {
        var account = await LinkedAccount();
        await using var agent = await Agent(account);

        var answer = await SendPush(account, WeChatPush.TextXml("oUser-plain-0001", "1001", "路灯坏了"));
        Assert.Equal("success", await answer.Content.ReadAsStringAsync());

        var conversationId = (await agent.Next("conversationAssigned")).Str("conversationId");
        Assert.Equal("路灯坏了", (await agent.Next("message", e => e.IsFor(conversationId))).Str("text"));
        await agent.Invoke<JsonElement>("SendMessage", conversationId, "reply-1", "已派人维修");

        var sent = await _weChat.Next();
        Assert.Equal(("oUser-plain-0001", "text", "已派人维修"), (sent.ToUser, sent.MsgType, sent.Content));
    }

    [Fact]
    public async Task An_encrypted_push_is_decrypted_and_answered_the_same_way()
    {
        var account = await LinkedAccount(EncodingAesKey);
        await using var agent = await Agent(account);
        var push = Push();
        var (body, query) = push.Encrypted(WeChatPush.TextXml("oUser-safe-0002", "2002", "加密消息"), EncodingAesKey);

        var answer = await _http.PostAsync($"/channels/wechat/{account}?{query}", WeChatPush.Xml(body));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var conversationId = (await agent.Next("conversationAssigned")).Str("conversationId");
        Assert.Equal("加密消息", (await agent.Next("message", e => e.IsFor(conversationId))).Str("text"));
        await agent.Invoke<JsonElement>("SendMessage", conversationId, "reply-2", "收到");
        var sent = await _weChat.Next();
        Assert.Equal(("oUser-safe-0002", "收到"), (sent.ToUser, sent.Content));
    }

    [Fact]
    public async Task An_encrypted_push_with_a_forged_msg_signature_is_refused()
    {
        var account = await LinkedAccount(EncodingAesKey);
        var (body, query) = Push().Encrypted(WeChatPush.TextXml("oUser-safe-0003", "3003", "伪造"), EncodingAesKey);
        var forged = query[..query.IndexOf("msg_signature=", StringComparison.Ordinal)] + "msg_signature=" + new string('1', 40);

        await Problems.Expect(await _http.PostAsync($"/channels/wechat/{account}?{forged}", WeChatPush.Xml(body)), HttpStatusCode.Forbidden, "forbidden");
        Assert.Null(await ConversationOf(account, "oUser-safe-0003"));
    }

    [Fact]
    public async Task A_message_WeChat_retries_is_stored_once()
    {
        var account = await LinkedAccount();
        await using var agent = await Agent(account);
        var xml = WeChatPush.TextXml("oUser-retry-0004", "4004", "第一条");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal("success", await (await SendPush(account, xml)).Content.ReadAsStringAsync());
        }
        await SendPush(account, WeChatPush.TextXml("oUser-retry-0004", "4005", "第二条"));

        var conversationId = (await agent.Next("conversationAssigned")).Str("conversationId");
        await agent.Next("message", e => e.IsFor(conversationId) && e.Str("text") == "第二条");
        var history = await agent.Invoke<JsonElement[]>("GetHistory", conversationId, 0L);
        Assert.Equal(["第一条", "第二条"], history.Select(m => m.Str("text")));
    }

    [Fact]
    public async Task A_bad_signature_or_a_stale_timestamp_is_refused_and_nothing_is_stored()
    {
        var account = await LinkedAccount();
        var xml = WeChatPush.TextXml("oUser-forged-0005", "5005", "伪造");

        var forged = await _http.PostAsync($"/channels/wechat/{account}?{Push().Query(signature: new string('a', 40))}", WeChatPush.Xml(xml));
        var stale = new WeChatPush(FakeWeChat.Token, _clock.GetUtcNow() - TimeSpan.FromMinutes(10));
        var replayed = await _http.PostAsync($"/channels/wechat/{account}?{stale.Query()}", WeChatPush.Xml(xml));

        await Problems.Expect(forged, HttpStatusCode.Forbidden, "forbidden");
        await Problems.Expect(replayed, HttpStatusCode.Forbidden, "forbidden");
        Assert.Null(await ConversationOf(account, "oUser-forged-0005"));
    }

    [Fact]
    public async Task Xml_with_a_dtd_and_oversized_bodies_are_refused_and_nothing_is_stored()
    {
        var account = await LinkedAccount();
        var withEntity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" +
            WeChatPush.TextXml("oUser-dtd-0006", "6006", "x").Replace("<Content>x</Content>", "<Content>&e;</Content>", StringComparison.Ordinal);
        var oversized = WeChatPush.TextXml("oUser-dtd-0006", "6007", new string('长', 30_000));

        await Problems.Expect(await SendPush(account, withEntity), HttpStatusCode.BadRequest, "bad_request");
        await Problems.Expect(await SendPush(account, oversized), HttpStatusCode.RequestEntityTooLarge, "too_large");
        Assert.Null(await ConversationOf(account, "oUser-dtd-0006"));
    }

    [Fact]
    public async Task An_unlinked_account_refuses_pushes()
    {
        var account = await _api.Account();
        var answer = await SendPush(account, WeChatPush.TextXml("oUser-nolink-0007", "7007", "有人吗"));

        await Problems.Expect(answer, HttpStatusCode.NotFound, "not_found");
        Assert.Null(await ConversationOf(account, "oUser-nolink-0007"));
    }

    [Fact]
    public async Task Only_admins_link_an_account_and_bad_links_are_refused()
    {
        var account = await _api.Account();
        var supervisor = await _api.SignIn((await _api.StaffMember(account, "王主管", "supervisor")).Username, HubApi.StaffPassword);
        var path = $"/api/accounts/{account}/channels/wechat";

        await Problems.Expect(await _api.Send(HttpMethod.Put, path, supervisor.Token, _weChat.LinkBody()), HttpStatusCode.Forbidden, "forbidden");
        var admin = (await _api.Admin()).Token;
        await Problems.Expect(await _api.Send(HttpMethod.Put, path, admin, _weChat.LinkBody("ab")), HttpStatusCode.BadRequest, "bad_request");
        Assert.Null(await Grains.GetGrain<IWeChatLinkGrain>(account).Find());
        await Problems.Expect(await _api.Send(HttpMethod.Put, "/api/accounts/no-such-account/channels/wechat", admin, _weChat.LinkBody()), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_expired_access_token_is_fetched_again_and_the_reply_sent()
    {
        var account = await LinkedAccount();
        await using var agent = await Agent(account);
        await SendPush(account, WeChatPush.TextXml("oUser-token-0008", "8008", "第一问"));
        var conversationId = (await agent.Next("conversationAssigned")).Str("conversationId");
        await agent.Invoke<JsonElement>("SendMessage", conversationId, "reply-a", "第一答");
        Assert.Equal("token-1", (await _weChat.Next()).AccessToken);

        _weChat.FailNextSend(42001);
        await agent.Invoke<JsonElement>("SendMessage", conversationId, "reply-b", "第二答");

        var sent = await _weChat.Next();
        Assert.Equal(("token-2", "第二答"), (sent.AccessToken, sent.Content));
        Assert.Equal(2, _weChat.TokensIssued);
    }

    [Fact]
    public async Task A_reply_after_48_hours_waits_until_the_user_writes_again()
    {
        var account = await LinkedAccount();
        await using var agent = await Agent(account);
        await SendPush(account, WeChatPush.TextXml("oUser-window-0009", "9009", "周一的问题"));
        var conversationId = (await agent.Next("conversationAssigned")).Str("conversationId");
        await agent.Next("message", e => e.IsFor(conversationId));

        _clock.Advance(TimeSpan.FromHours(49));
        await agent.Invoke<JsonElement>("SendMessage", conversationId, "late-reply", "迟到的答复");

        var held = await agent.Next("channelReplyHeld", e => e.IsFor(conversationId));
        Assert.Equal("wechat", held.Str("channel"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _weChat.Next(TimeSpan.FromSeconds(1)));

        await SendPush(account, WeChatPush.TextXml("oUser-window-0009", "9010", "还在吗"));
        var sent = await _weChat.Next();
        Assert.Equal(("oUser-window-0009", "迟到的答复"), (sent.ToUser, sent.Content));
    }

    private IGrainFactory Grains => _node.Services.GetRequiredService<IGrainFactory>();

    private WeChatPush Push() => new(FakeWeChat.Token, _clock.GetUtcNow());

    private Task<HttpResponseMessage> SendPush(string account, string xml) => Push().SendTo(_http, account, xml);

    private Task<string> LinkedAccount(string? encodingAesKey = null) => _weChat.LinkedAccount(_api, encodingAesKey);

    private async Task<LiveClient> Agent(string account)
    {
        var agent = await LiveClient.Connect(_node.Address, (await _api.Agent(account)).Token);
        await agent.Invoke("SetAvailability", account, true);
        return agent;
    }

    private Task<string?> ConversationOf(string account, string openId) =>
        Grains.GetGrain<IChannelCitizenGrain>(new ChannelCitizen(WeChatAdapter.Name, account, openId).UserId).GetConversationId();
}
