using Hub.Realtime.Hosting;
using Hub.Realtime.Hubs;
using Hub.Realtime.Presence;
using Hub.Web.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Web.Hosting;

public static class RealtimeExtensions
{
    /// <summary>Room for a 4,000-character text in any script, JSON-escaped, with the envelope around it.</summary>
    public const long MaxHubMessageBytes = 64 * 1024;

    public static WebApplicationBuilder AddHubRealtime(this WebApplicationBuilder builder)
    {
        builder.AddHubPush();
        builder.Services.Configure<HubOptions>(options =>
        {
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
            options.AddFilter<RuleViolationFilter>();
        });
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<LocalAgents>();
        builder.Services.AddHostedService<AgentPresenceRenewer>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        // A connection lives no longer than the token it was opened with; the pages renew theirs and reconnect.
        app.MapHub<LiveHub>("/hub", options => options.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization(TokenIfPresentedRequirement.Policy);
        return app;
    }
}
