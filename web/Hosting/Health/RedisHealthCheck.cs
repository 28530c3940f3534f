using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Hub.Web.Hosting.Health;

/// <summary>
/// The backplane's Redis answers a PING. The check keeps one connection of its own, opened on
/// first use and reconnecting by itself, so a check costs one round trip, not a handshake.
/// </summary>
public sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await Connection();
            var roundTrip = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:0} ms");
        }
        catch (RedisException failure)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {failure.Message}");
        }
    }

    private async Task<ConnectionMultiplexer> Connection()
    {
        if (_connection is { } open)
        {
            return open;
        }
        await _connecting.WaitAsync();
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            // Like the backplane: keep reconnecting in the background, and fail a PING at once while Redis is away.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
        _connecting.Dispose();
    }
}
