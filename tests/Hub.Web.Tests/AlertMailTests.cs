using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.PublicEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Hub.Web.Tests;

/// <summary>
/// Alerts by e-mail: officers with an address get legal-clock and service-level alerts through the
/// SMTP server in Chinese, only the officers the alert is for, once each, also when the server was
/// down at first.
/// </summary>
public sealed class AlertMailTests : IAsyncLifetime
{
    private static readonly TimeSpan RetryBase = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SmtpInbox _inbox = new();
    private readonly Channel<string> _outcomes = Channel.CreateUnbounded<string>();
    private readonly MeterListener _deliveries = new();
    private HubAppFactory _node = null!;
    private HubApi _api = null!;

    public Task InitializeAsync()
    {
        _node = new HubAppFactory(new Dictionary<string, string>
        {
            ["Hub:Mail:Host"] = "127.0.0.1",
            ["Hub:Mail:Port"] = _inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Mail:Security"] = "None",
            ["Hub:Mail:From"] = "alerts@hub.example.gov.cn",
            ["Hub:Mail:PollPeriod"] = "00:00:00.100",
            ["Hub:Mail:RetryBase"] = RetryBase.ToString(),
        }, services: s => s.AddKeyedSingleton<TimeProvider>(HubClock.Key, _clock));
        _api = new HubApi(_node.Address);
        ListenToMailOutcomes();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _deliveries.Dispose();
        await _inbox.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task A_clock_warning_reaches_the_press_officers_with_an_address_by_email_in_Chinese()
    {
        _inbox.Start();
        var account = await _api.Account();
        var press = await Officer(account, "周发言人", "press", "zhou@press.example.gov.cn");
        await Officer(account, "郑发言人", "press", null);
        await Officer(account, "李坐席", "agent", "li@desk.example.gov.cn");
        var dueInChina = (_clock.GetUtcNow() + TimeSpan.FromHours(5)).ToOffset(TimeSpan.FromHours(8));
        var eventId = await _api.OpenEvent(press.Token, account, 2, "化工园区火情");

        await AdvanceAndTick(eventId, TimeSpan.FromHours(2.5));

        var mail = await _inbox.Next();
        Assert.Equal(["zhou@press.example.gov.cn"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("周发言人", mail.To.Mailboxes.Single().Name);
        Assert.Equal("【时限预警】化工园区火情：权威信息发布时限已过50%", mail.Subject);
        Assert.Contains($"截止时间：{dueInChina:yyyy年M月d日 HH:mm}（北京时间）", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("alerts@hub.example.gov.cn", mail.From.Mailboxes.Single().Address);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _inbox.Next(TimeSpan.FromMilliseconds(600)));
    }

    [Fact]
    public async Task A_mail_server_that_is_down_and_then_up_gets_the_warning_once()
    {
        var account = await _api.Account();
        var press = await Officer(account, "周发言人", "press", "zhou@press.example.gov.cn");
        var eventId = await _api.OpenEvent(press.Token, account, 2, "化工园区火情");
        await AdvanceAndTick(eventId, TimeSpan.FromHours(2.5));
        Assert.Equal("retry", await NextOutcome());

        _inbox.Start();
        _clock.Advance(RetryBase);
        var mail = await _inbox.Next();
        Assert.Equal("delivered", await NextOutcome());
        await AdvanceAndTick(eventId, RetryBase * 8);

        Assert.Equal("【时限预警】化工园区火情：权威信息发布时限已过50%", mail.Subject);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _inbox.Next(TimeSpan.FromMilliseconds(600)));
    }

    [Fact]
    public async Task A_service_level_breach_reaches_the_supervisors_by_email_and_not_the_press_officers()
    {
        _inbox.Start();
        var account = await _api.Account();
        var supervisor = await Officer(account, "吴主管", "supervisor", "wu@desk.example.gov.cn");
        await Officer(account, "周发言人", "press", "zhou@press.example.gov.cn");
        await using (var desk = await LiveClient.Connect(_api.Address, supervisor.Token))
        {
            await desk.Invoke<JsonElement>("SetServiceLevels", account, new
            {
                timeZone = "Asia/Shanghai",
                hours = new[] { "00:00-24:00" },
                workingDays = new[] { 1, 2, 3, 4, 5, 6, 7 },
                firstResponseMinutes = 10,
                resolutionMinutes = 600,
            });
        }
        await using var citizen = await LiveClient.Connect(_api.Address, (await _api.Citizen()).Token);
        var conversationId = (await citizen.Invoke<JsonElement>("StartConversation", account, "噪音扰民投诉")).Str("conversationId");

        _clock.Advance(TimeSpan.FromMinutes(11));
        await _node.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>(conversationId).AsReference<IRemindable>()
            .ReceiveReminder(ConversationGrain.ServiceLevelReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        var mail = await _inbox.Next();
        Assert.Equal(["wu@desk.example.gov.cn"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("【服务超时】噪音扰民投诉：首次响应已超过服务时限", mail.Subject);
        Assert.Contains(conversationId, mail.TextBody, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _inbox.Next(TimeSpan.FromMilliseconds(600)));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("周 <zhou@press.example.gov.cn>")]
    [InlineData("a@b.cn, c@d.cn")]
    public async Task A_bad_address_is_refused_and_the_member_is_not_created(string email)
    {
        var account = await _api.Account();
        var username = $"u{Guid.NewGuid():N}"[..20];

        var response = await _api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", (await _api.Admin()).Token,
            new { username, password = HubApi.StaffPassword, displayName = "周发言人", roles = new[] { "press" }, email });

        await Problems.Expect(response, HttpStatusCode.BadRequest, "bad_request");
        var roster = await _api.Send(HttpMethod.Get, $"/api/accounts/{account}/staff", (await _api.Admin()).Token);
        Assert.Empty((await roster.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    private async Task<HubApi.SignedIn> Officer(string account, string displayName, string role, string? email)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        var response = await _api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", (await _api.Admin()).Token,
            new { username, password = HubApi.StaffPassword, displayName, roles = new[] { role }, email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await _api.SignIn(username, HubApi.StaffPassword);
    }

    /// <summary>Moves the hub's clock and runs the event's clock reminder, which Orleans would run within the minute.</summary>
    private Task AdvanceAndTick(string eventId, TimeSpan by)
    {
        _clock.Advance(by);
        return _node.Services.GetRequiredService<IGrainFactory>().GetGrain<IPublicEventGrain>(eventId).AsReference<IRemindable>()
            .ReceiveReminder(PublicEventGrain.ClockReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }

    private async Task<string> NextOutcome()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await _outcomes.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Each attempt of the e-mail outbox, as its metrics record it; only this class sends e-mail.</summary>
    private void ListenToMailOutcomes()
    {
        _deliveries.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "hub.deliveries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _deliveries.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var pairs = tags.ToArray();
            if (pairs.Any(t => t is { Key: "hub.channel", Value: "email" }))
            {
                _outcomes.Writer.TryWrite((string)pairs.Single(t => t.Key == "hub.outcome").Value!);
            }
        });
        _deliveries.Start();
    }
}
