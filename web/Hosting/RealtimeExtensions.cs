using Hub.Realtime.Hosting;
using Hub.Realtime.Hubs;
using Hub.Realtime.Presence;
using Hub.Web.Auth;
using Hub.Web.Hosting.Overload;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Hub.Web.Hosting;

public static class RealtimeExtensions
{
    /// <summary>Room for a 4,000-character text in any script, JSON-escaped, with the envelope around it.</summary>
    public const long MaxHubMessageBytes = 64 * 1024;

    public static WebApplicationBuilder AddHubRealtime(this WebApplicationBuilder builder)
    {
        // JSON is the contract's protocol; a client may ask for MessagePack instead, which is
        // smaller on the wire and cheaper to write (its maps are keyed by the members' .NET names).
        builder.AddHubPush().AddMessagePackProtocol();
        builder.Services.Configure<HubOptions>(options =>
        {
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
            // Bounded work per connection: one call at a time (more wait in the client's own
            // buffer), and few items queued per stream.
            options.MaximumParallelInvocationsPerClient = 1;
            options.StreamBufferCapacity = 10;
            options.AddFilter<RuleViolationFilter>();
        });
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddSingleton<LocalAgents>();
        builder.Services.AddHostedService<AgentPresenceRenewer>();
        builder.AddHubCapacity();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        var capacity = app.Services.GetRequiredService<IOptions<CapacityOptions>>().Value;
        var slowReaders = app.Services.GetRequiredService<SlowReaders>();
        var options = new HttpConnectionDispatcherOptions
        {
            // A connection lives no longer than the token it was opened with; the pages renew theirs and reconnect.
            CloseOnAuthenticationExpiration = true,
            TransportMaxBufferSize = capacity.OutgoingBufferBytes,
            ApplicationMaxBufferSize = MaxHubMessageBytes,
        };
        // MapHub with one more step: the connection's outgoing pipe is watched for a client that stopped reading.
        app.MapConnections(ConnectionAdmission.HubPath, options, connection => connection.Use(slowReaders.Watch).UseHub<LiveHub>())
            .WithMetadata(new HubMetadata(typeof(LiveHub)))
            .RequireAuthorization(TokenIfPresentedRequirement.Policy);
        return app;
    }
}
