using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// Liveness answers while the process serves; readiness follows the silo and the stores the
/// node is configured with. Everyone sees the status, only an admin sees which part failed.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HealthTests(HubFixture hub)
{
    private static readonly TimeSpan ChangeDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task A_normal_node_is_live_and_ready(string path)
    {
        var response = await hub.Api.Send(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("status"));
    }

    [Fact]
    public async Task An_admin_sees_the_silo_check_and_the_public_sees_only_the_status()
    {
        var admin = await hub.Api.Admin();

        var detailed = await Body(hub.Api, admin.Token);
        var plain = await Body(hub.Api, null);

        Assert.Contains(detailed.GetProperty("checks").EnumerateArray(), c => c.Str("name") == "silo" && c.Str("status") == "Healthy");
        Assert.False(plain.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Readiness_fails_while_redis_is_down_and_returns_with_it()
    {
        using var redis = await RedisServer.Start();
        await ReadinessFollows("redis", "ConnectionStrings:Redis", redis.ConnectionString, () =>
        {
            redis.Stop();
            return Task.CompletedTask;
        }, redis.Restart);
    }

    [Fact]
    public async Task Readiness_fails_while_postgres_is_down_and_returns_with_it()
    {
        await using var postgres = await PostgresServer.Start();
        await ReadinessFollows("postgres", "ConnectionStrings:Postgres", postgres.ConnectionString, postgres.Stop, postgres.Restart);
    }

    /// <summary>
    /// A node using the store is ready while it answers, 503 while it is down (naming it to admins
    /// only, and still live), and ready again once it is back.
    /// </summary>
    private static async Task ReadinessFollows(string check, string setting, string connectionString, Func<Task> stop, Func<Task> restart)
    {
        await using var node = new HubAppFactory(new Dictionary<string, string> { [setting] = connectionString });
        var api = new HubApi(node.Address);
        var admin = await api.Admin();
        await Until(api, HttpStatusCode.OK);

        await stop();
        await Until(api, HttpStatusCode.ServiceUnavailable);
        var plain = await Body(api, null);
        var detailed = await Body(api, admin.Token);
        var live = await api.Send(HttpMethod.Get, "/health/live");

        Assert.Equal("Unhealthy", plain.Str("status"));
        Assert.False(plain.TryGetProperty("checks", out _));
        Assert.DoesNotContain(check, plain.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var failed = Assert.Single(detailed.GetProperty("checks").EnumerateArray(), c => c.Str("status") != "Healthy");
        Assert.Equal(check, failed.Str("name"));
        Assert.False(string.IsNullOrEmpty(failed.Str("description")));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await restart();
        await Until(api, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> Body(HubApi api, string? token) =>
        await (await api.Send(HttpMethod.Get, "/health/ready", token)).Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asks for readiness until it answers the expected status, or fails at the deadline.</summary>
    private static async Task Until(HubApi api, HttpStatusCode expected)
    {
        var deadline = DateTimeOffset.UtcNow + ChangeDeadline;
        while (true)
        {
            var status = (await api.Send(HttpMethod.Get, "/health/ready")).StatusCode;
            if (status == expected)
            {
                return;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"readiness stayed {status}, expected {expected}");
            await Task.Delay(PollPause);
        }
    }
}
