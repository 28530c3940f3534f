using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

/// <summary>
/// An agent in the console answers a WeChat user two days after the user last wrote, when
/// WeChat takes no more replies: the conversation says, under the reply, that it is kept until
/// the user writes again, in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeldReplyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ClockedNode _node = null!;
    private HttpClient _hub = null!;
    private FakeWeChat _weChat = null!;

    public async Task InitializeAsync()
    {
        // Long enough that the 49 hours the clock moves do not hand the conversation to another agent.
        _node = new ClockedNode(browser.Browser, _clock, new Dictionary<string, string> { ["Hub:Routing:AgentGracePeriod"] = "4.00:00:00" });
        _hub = new HttpClient { BaseAddress = _node.Node.Address };
        _weChat = await FakeWeChat.Start();
    }

    [Fact]
    public async Task A_reply_after_the_window_has_shut_is_marked_held_under_it_in_both_languages()
    {
        var account = await _weChat.LinkedAccount(_node.Api);
        var agent = await _node.SignedIn("/agent.html", await _node.Api.StaffMember(account, "李坐席", "agent"));
        await agent.Locator("#available").CheckAsync();
        await new WeChatPush(FakeWeChat.Token, _clock.GetUtcNow()).SendTo(_hub, account, WeChatPush.TextXml("oUser-held-0001", "1001", "社保卡丢了，补办要带什么材料？"));
        await agent.Locator("#conversations .conversation").ClickAsync();
        await Expect(agent.Locator("#messages .message[data-seq='1']")).ToContainTextAsync("社保卡丢了");

        _clock.Advance(TimeSpan.FromHours(49));
        await agent.FillAsync("#composer", "请带身份证原件到市民中心社保窗口办理。");
        await agent.ClickAsync("#send");

        var note = agent.Locator("#messages .message[data-seq='2'] + .system-note[data-tone='held']");
        await Expect(note).ToHaveTextAsync("市民已超过 48 小时未发消息，渠道暂不接收回复：这条回复已保留，市民再次发消息时送达");
        await agent.Locator("#messages").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "reply-held-zh.png") });
        await agent.ClickAsync("#lang");
        await Expect(note).ToHaveTextAsync("The citizen last wrote over 48 hours ago, so the channel takes no replies for now: this reply is kept and goes out when they write again");
        await agent.Locator("#messages").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "reply-held-en.png") });
    }

    public async Task DisposeAsync()
    {
        _hub.Dispose();
        await _weChat.DisposeAsync();
        await _node.DisposeAsync();
    }
}
