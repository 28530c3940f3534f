namespace Hub.Web.Hosting.Overload;

/// <summary>
/// What keeps a node serving the connections it has when more arrive than it can carry:
/// admission to the hub, Kestrel's bound on plain HTTP connections, and slow readers closed.
/// </summary>
public static class OverloadExtensions
{
    public static WebApplicationBuilder AddHubCapacity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CapacityOptions>()
            .Bind(builder.Configuration.GetSection(CapacityOptions.Section))
            .Validate(o => o.IsValid,
                "Hub:Limits:MaxConnections must be positive, MaxHeapShare above 0 and at most 1, OutgoingBufferBytes at least 4096")
            .ValidateOnStart();
        builder.Services.AddSingleton<RefusalLog>();
        builder.Services.AddSingleton<ConnectionAdmission>();
        builder.Services.AddSingleton<SlowReaders>();
        // Upgraded connections leave this count, so it bounds only requests and refusals: a crowd
        // of them must not take the files the admitted connections and the stores need.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxConcurrentConnections = CapacityOptions.PlainHttpConnections(OpenFileLimit.Current()));
        return builder;
    }

    /// <summary>Before identity and the endpoints, so a refusal costs the node as little as possible.</summary>
    public static WebApplication UseHubAdmission(this WebApplication app)
    {
        var admission = app.Services.GetRequiredService<ConnectionAdmission>();
        app.UseWebSockets();
        app.Use((http, next) => admission.Handle(http, () => next(http)));
        app.Logger.LogInformation("This node holds at most {Maximum} hub connections (open-file limit {OpenFiles})",
            admission.Maximum, OpenFileLimit.Current()?.ToString() ?? "unknown");
        return app;
    }
}
