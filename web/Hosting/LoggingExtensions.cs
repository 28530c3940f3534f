using Hub.Realtime.Hubs;

namespace Hub.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Two categories are held back whatever the configuration says: these rules are added after
    /// the configuration's, so they win over the same category there.
    /// </summary>
    public static WebApplicationBuilder AddHubLogging(this WebApplicationBuilder builder)
    {
        // The hub filter logs each failed call once and a refusal in one short line; the
        // dispatcher would log every refusal again at Error, with a stack trace.
        builder.Logging.AddFilter(RuleViolationFilter.DispatcherLogCategory, LogLevel.None);
        // Its request lines include the query string, where the hub's access_token travels.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
