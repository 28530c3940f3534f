using Hub.Grains.Hosting.Postgres;
using Hub.Web.Hosting.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Web.Hosting;

/// <summary>
/// Liveness and readiness. Live asks nothing: the process answers. Ready asks the silo and
/// every store the node is configured with (PostgreSQL, Redis); a load balancer sends
/// traffic only to ready nodes. <c>/health</c> is the same as ready.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyAliasPath = "/health";

    private const string Ready = "ready";

    /// <summary>A check still running after this counts as failed, so the answer stays quick.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddHubHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [Ready], timeout: CheckTimeout);
        if (PostgresConnection.From(builder.Configuration) is { } postgres)
        {
            builder.Services.AddSingleton(new PostgresHealthCheck(postgres));
            checks.Add(new HealthCheckRegistration("postgres", services => services.GetRequiredService<PostgresHealthCheck>(),
                HealthStatus.Unhealthy, [Ready], CheckTimeout));
        }
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            builder.Services.AddSingleton(_ => new RedisHealthCheck(redis));
            checks.Add(new HealthCheckRegistration("redis", services => services.GetRequiredService<RedisHealthCheck>(),
                HealthStatus.Unhealthy, [Ready], CheckTimeout));
        }
        return builder;
    }

    public static WebApplication MapHubHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.Write });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthAnswer.Write };
        app.MapHealthChecks(ReadyPath, ready);
        app.MapHealthChecks(ReadyAliasPath, ready);
        return app;
    }
}
