using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Hub.Grains.Common;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StandardWebhooks;

namespace Hub.Web.Tests;

/// <summary>
/// Webhooks end to end: a subscription, an event raised by a grain, a signed delivery checked
/// by an independent implementation of Standard Webhooks, retries with backoff on the hub's
/// clock, dead letters and replay, and the refusals that store nothing.
/// </summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private static readonly TimeSpan RetryBase = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly Channel<JsonElement> _told = Channel.CreateUnbounded<JsonElement>();
    private HubAppFactory _node = null!;
    private HubApi _api = null!;

    public Task InitializeAsync()
    {
        _node = new HubAppFactory(new Dictionary<string, string>
        {
            ["Hub:Webhooks:AllowPrivateAddresses"] = "true",
            ["Hub:Webhooks:PollPeriod"] = "00:00:00.100",
            ["Hub:Webhooks:RetryBase"] = RetryBase.ToString(),
            ["Hub:Webhooks:MaxAttempts"] = "3",
        }, services: s => s.AddKeyedSingleton<TimeProvider>(HubClock.Key, _clock));
        _api = new HubApi(_node.Address);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Fact]
    public async Task A_new_conversation_reaches_the_receiver_signed_as_standard_webhooks_says()
    {
        await using var receiver = await WebhookReceiver.Start();
        var account = await _api.Account();
        var subscription = await Subscribe(account, receiver.Url, "conversation.created");

        var conversationId = await StartConversation(account);

        var delivery = await receiver.Next();
        new StandardWebhook(subscription.Str("secret")).Verify(delivery.Body, delivery.Headers);
        var payload = JsonSerializer.Deserialize<JsonElement>(delivery.Body);
        Assert.Equal(("conversation.created", account), (payload.Str("type"), payload.Str("accountId")));
        Assert.Equal(conversationId, payload.GetProperty("data").Str("conversationId"));
        Assert.StartsWith("msg_", delivery.Headers["webhook-id"].ToString());
        var tampered = delivery.Body.Replace(conversationId, "0000", StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(subscription.Str("secret")).Verify(tampered, delivery.Headers));
    }

    [Fact]
    public async Task An_inspection_run_raises_inspection_flagged_for_the_flagged_account_only()
    {
        await using var receiver = await WebhookReceiver.Start();
        var bodies = new BodiesClient(_api);
        var admin = (await _api.Admin()).Token;
        var city = await bodies.Body(admin, "city", null);
        var quiet = await bodies.Account(admin, city);
        var inspector = await bodies.Member(admin, city, "inspector");
        var subscription = await Subscribe(quiet, receiver.Url, "inspection.flagged");
        // A short warning period, so the hub's clock stays within the receiver's tolerance for a delivery's timestamp.
        await BodiesClient.Ok(await _api.Send(HttpMethod.Put, $"/api/bodies/{city}/inspection-rules", inspector.Token,
            new { noUpdateWarning = "00:00:30", unansweredVeto = "90.00:00:00", inactiveAfter = "180.00:00:00", replyTarget = "1.00:00:00" }));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = await bodies.Account(admin, city);
        await Subscribe(fresh, receiver.Url, "inspection.flagged");

        var run = await BodiesClient.Ok(await _api.Send(HttpMethod.Post, $"/api/bodies/{city}/inspections", inspector.Token));

        var delivery = await receiver.Next();
        new StandardWebhook(subscription.Str("secret")).Verify(delivery.Body, delivery.Headers);
        var payload = JsonSerializer.Deserialize<JsonElement>(delivery.Body);
        var data = payload.GetProperty("data");
        Assert.Equal("inspection.flagged", payload.Str("type"));
        Assert.Equal((run.Str("runId"), city, quiet, 2), (data.Str("runId"), data.Str("bodyId"), data.Str("accountId"), data.GetProperty("rank").GetInt32()));
        Assert.Equal(["no-update"], data.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.Next(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_failing_receiver_gets_retries_with_growing_waits_and_then_the_delivery()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = 503;
        var account = await _api.Account();
        await Subscribe(account, receiver.Url, "conversation.created");
        await StartConversation(account);

        var first = await receiver.Next();
        _clock.Advance(RetryBase - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.Next(TimeSpan.FromMilliseconds(600)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await receiver.Next();
        receiver.Answer = 200;
        _clock.Advance(RetryBase * 2);
        var third = await receiver.Next();

        Assert.Equal(first.Headers["webhook-id"], third.Headers["webhook-id"]);
        Assert.Equal(first.Body, second.Body);
        var log = await Deliveries(account);
        Assert.Equal("delivered", log[0].Str("status"));
        Assert.Equal(3, log[0].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_delivery_that_fails_every_attempt_is_dead_lettered_and_a_replay_delivers_it()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Answer = 500;
        // Only this class delivers webhooks, one test at a time; channels and e-mail deliver beside it.
        using var outcomes = new InstrumentRecorder("hub.deliveries", "hub.outcome", ("hub.channel", "webhook"));
        var account = await _api.Account();
        await using var watching = await WatchDeliveries(account);
        await Subscribe(account, receiver.Url, "conversation.created");
        await StartConversation(account);
        var original = await receiver.Next();
        _clock.Advance(RetryBase);
        await receiver.Next();
        _clock.Advance(RetryBase * 2);
        await receiver.Next();

        var dead = await WaitForStatus("dead");
        _clock.Advance(RetryBase * 8);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.Next(TimeSpan.FromMilliseconds(600)));
        receiver.Answer = 200;
        var admin = await _api.Admin();
        var replay = await _api.Send(HttpMethod.Post, $"/api/accounts/{account}/webhooks/deliveries/{dead.Str("deliveryId")}/replay", admin.Token);
        var replayed = await receiver.Next();

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(500, dead.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(original.Headers["webhook-id"], replayed.Headers["webhook-id"]);
        await WaitForStatus("delivered");
        Assert.Equal((2, 1, 1), (outcomes.Sum("retry"), outcomes.Sum("dead"), outcomes.Sum("delivered")));
    }

    [Theory]
    [InlineData("ftp://example.org/hooks", "conversation.created")]
    [InlineData("not a url", "conversation.created")]
    [InlineData("https://example.org/hooks", "no.such.event")]
    public async Task Bad_subscriptions_are_refused_and_nothing_is_stored(string url, string type)
    {
        var account = await _api.Account();
        var admin = await _api.Admin();

        var response = await _api.Send(HttpMethod.Post, $"/api/accounts/{account}/webhooks", admin.Token, new { url, types = new[] { type } });

        await Problems.Expect(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Empty(await Subscriptions(account));
    }

    [Fact]
    public async Task Private_addresses_are_refused_unless_the_setting_allows_them()
    {
        await using var guarded = new HubAppFactory();
        var api = new HubApi(guarded.Address);
        var account = await api.Account();
        var admin = await api.Admin();

        var loopback = await api.Send(HttpMethod.Post, $"/api/accounts/{account}/webhooks", admin.Token,
            new { url = "http://127.0.0.1:9/hooks", types = new[] { "conversation.created" } });
        var privateNetwork = await api.Send(HttpMethod.Post, $"/api/accounts/{account}/webhooks", admin.Token,
            new { url = "http://[fd00::1]/hooks", types = new[] { "conversation.created" } });

        await Problems.Expect(loopback, HttpStatusCode.BadRequest, "bad_request");
        await Problems.Expect(privateNetwork, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var admin = await _api.Admin();

        var response = await _api.Send(HttpMethod.Post, "/api/accounts/no-such-account/webhooks", admin.Token,
            new { url = "https://example.org/hooks", types = new[] { "conversation.created" } });

        await Problems.Expect(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Listings_never_show_the_secret_and_a_deleted_subscription_gets_nothing()
    {
        await using var receiver = await WebhookReceiver.Start();
        var account = await _api.Account();
        var subscription = await Subscribe(account, receiver.Url, "conversation.created");
        var admin = await _api.Admin();

        var listed = Assert.Single(await Subscriptions(account));
        var deleted = await _api.Send(HttpMethod.Delete, $"/api/accounts/{account}/webhooks/{subscription.Str("subscriptionId")}", admin.Token);
        await StartConversation(account);

        Assert.Equal("", listed.Str("secret"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await Subscriptions(account));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.Next(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_body_subscription_takes_the_events_of_every_account_below_it_and_of_accounts_moved_there()
    {
        await using var receiver = await WebhookReceiver.Start();
        var bodies = new BodiesClient(_api);
        var admin = (await _api.Admin()).Token;
        var province = await bodies.Body(admin, "province", null);
        var city = await bodies.Body(admin, "city", province);
        var inCity = await bodies.Account(admin, city);
        var elsewhere = await bodies.Account(admin, await bodies.Body(admin, "province", null));
        var provinceAdmin = await bodies.Member(admin, province, "admin");
        var subscribed = await _api.Send(HttpMethod.Post, $"/api/bodies/{province}/webhooks", provinceAdmin.Token,
            new { url = receiver.Url, types = new[] { "conversation.created" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var secret = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).Str("secret");

        await StartConversation(elsewhere);
        var conversationId = await StartConversation(inCity);

        var delivery = await receiver.Next();
        new StandardWebhook(secret).Verify(delivery.Body, delivery.Headers);
        var payload = JsonSerializer.Deserialize<JsonElement>(delivery.Body);
        Assert.Equal((inCity, conversationId), (payload.Str("accountId"), payload.GetProperty("data").Str("conversationId")));

        await BodiesClient.Ok(await _api.Send(HttpMethod.Put, $"/api/accounts/{elsewhere}/placement", admin,
            new { bodyId = city, channel = "wechat", handle = $"gh_{elsewhere}" }));
        await StartConversation(elsewhere);

        Assert.Equal(elsewhere, JsonSerializer.Deserialize<JsonElement>((await receiver.Next()).Body).Str("accountId"));
        Assert.Equal(2, (await BodiesClient.Ok(await _api.Send(HttpMethod.Get, $"/api/bodies/{province}/webhooks/deliveries", provinceAdmin.Token)))
            .GetArrayLength());
    }

    [Fact]
    public async Task Only_admins_over_a_body_keep_its_webhooks_and_bad_requests_store_nothing()
    {
        var bodies = new BodiesClient(_api);
        var admin = (await _api.Admin()).Token;
        var province = await bodies.Body(admin, "province", null);
        var city = await bodies.Body(admin, "city", province);
        var sibling = await bodies.Body(admin, "city", province);
        var siblingAdmin = await bodies.Member(admin, sibling, "admin");
        var subscription = new { url = "https://receiver.example/hooks", types = new[] { "post.published" } };

        var refused = await _api.Send(HttpMethod.Post, $"/api/bodies/{city}/webhooks", siblingAdmin.Token, subscription);
        var unknown = await _api.Send(HttpMethod.Post, "/api/bodies/no-such-body/webhooks", admin, subscription);
        var badUrl = await _api.Send(HttpMethod.Post, $"/api/bodies/{city}/webhooks", admin, new { url = "ftp://receiver.example", types = subscription.types });
        var badId = await _api.Send(HttpMethod.Get, "/api/bodies/Not%20A%20Body/webhooks", admin);

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (refused.StatusCode, unknown.StatusCode, badUrl.StatusCode, badId.StatusCode));
        Assert.Equal(0, (await BodiesClient.Ok(await _api.Send(HttpMethod.Get, $"/api/bodies/{city}/webhooks", admin))).GetArrayLength());
    }

    private async Task<JsonElement> Subscribe(string account, string url, params string[] types)
    {
        var response = await _api.Send(HttpMethod.Post, $"/api/accounts/{account}/webhooks", (await _api.Admin()).Token, new { url, types });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<IReadOnlyList<JsonElement>> Subscriptions(string account)
    {
        var response = await _api.Send(HttpMethod.Get, $"/api/accounts/{account}/webhooks", (await _api.Admin()).Token);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private async Task<IReadOnlyList<JsonElement>> Deliveries(string account)
    {
        var response = await _api.Send(HttpMethod.Get, $"/api/accounts/{account}/webhooks/deliveries", (await _api.Admin()).Token);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    /// <summary>An admin's connection that hears of each delivery of the account as its outcome is stored, as the webhooks page does.</summary>
    private async Task<LiveClient> WatchDeliveries(string account)
    {
        var client = await LiveClient.Connect(_api.Address, (await _api.Admin()).Token);
        client.Connection.On<JsonElement>("webhookDelivery", delivery => _told.Writer.TryWrite(delivery));
        await client.Invoke("WatchWebhooks", account);
        return client;
    }

    /// <summary>The next delivery the hub tells of with the status.</summary>
    private async Task<JsonElement> WaitForStatus(string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var told = await _told.Reader.ReadAsync(timeout.Token);
            if (told.Str("status") == status)
            {
                return told;
            }
        }
    }

    private async Task<string> StartConversation(string account)
    {
        var citizen = await _api.Citizen();
        await using var client = await LiveClient.Connect(_api.Address, citizen.Token);
        return (await client.Invoke<JsonElement>("StartConversation", account, "网络问政")).Str("conversationId");
    }
}
