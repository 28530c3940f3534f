using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ConnectionBannerTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions AfterReconnect = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_citizen_chat_shows_a_banner_and_waiting_messages_while_the_hub_is_out_of_reach_and_clears_them_after()
    {
        var account = await browser.Api.Account("市交通局", "交通运输");
        var agent = await browser.Api.Agent(account, "冯坐席");
        await using var console = await LiveClient.Connect(browser.Api.Address, agent.Token);
        await console.Invoke("SetAvailability", account, true);

        // The page's hub socket passes through the test, which can sever it and refuse new ones.
        var hubReachable = true;
        var sockets = new List<IWebSocketRoute>();
        var citizen = await browser.NewBlankPage();
        await citizen.RouteWebSocketAsync(new Regex("/hub"), socket =>
        {
            if (!hubReachable)
            {
                _ = socket.CloseAsync(new() { Code = 1011, Reason = "hub stopped" });
                return;
            }
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await citizen.GotoAsync("/citizen.html");
        await citizen.FillAsync("#displayName", "卫市民");
        await citizen.ClickAsync("#signIn");
        await citizen.Locator("#account").SelectOptionAsync(account);
        await citizen.ClickAsync("#start");
        await Expect(citizen.Locator("#status")).ToContainTextAsync("冯坐席");
        await Expect(citizen.Locator("#connectionBanner")).ToBeHiddenAsync();

        hubReachable = false;
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }
        foreach (var socket in open)
        {
            await socket.CloseAsync(new() { Code = 1011, Reason = "hub stopped" });
        }
        await Expect(citizen.Locator("#connectionBanner")).ToContainTextAsync("连接已断开");
        await citizen.FillAsync("#composer", "公交卡丢了怎么挂失？");
        await citizen.Locator("#composer").PressAsync("Enter");
        var waiting = citizen.Locator("#messages .message[data-state=waiting]");
        await Expect(waiting).ToContainTextAsync("未发送，连接恢复后自动发送");

        hubReachable = true;
        await Expect(citizen.Locator("#messages .message[data-seq]").Filter(new() { HasText = "公交卡丢了" })).ToBeVisibleAsync(AfterReconnect);
        await Expect(citizen.Locator("#connectionBanner")).ToBeHiddenAsync();
        await Expect(waiting).ToHaveCountAsync(0);
        var delivered = await console.Next("message", m => m.GetProperty("text").GetString() == "公交卡丢了怎么挂失？");
        Assert.Equal("citizen", delivered.GetProperty("senderRole").GetString());
    }
}
