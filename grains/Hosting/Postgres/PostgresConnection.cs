using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>The PostgreSQL connection string from <c>ConnectionStrings:Postgres</c>, made safe for the providers.</summary>
public static class PostgresConnection
{
    /// <summary>Null when no database is configured (the embedded default).</summary>
    public static string? From(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        // Orleans hands the providers UTC times of unspecified kind: a UTC session reads them right.
        var builder = new NpgsqlConnectionStringBuilder(configured);
        builder.Timezone ??= "UTC";
        return builder.ConnectionString;
    }
}
