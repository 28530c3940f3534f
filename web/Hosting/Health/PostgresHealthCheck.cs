using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Hub.Web.Hosting.Health;

/// <summary>The database answers a trivial query within a short time.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    /// <summary>A database slower than this to connect is as good as gone for a load balancer.</summary>
    private const int ConnectSeconds = 3;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = ConnectSeconds,
        CommandTimeout = ConnectSeconds,
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception failure) when (failure is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {failure.Message}");
        }
    }
}
