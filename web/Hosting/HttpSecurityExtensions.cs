using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hub.Web.Hosting;

public static class HttpSecurityExtensions
{
    /// <summary>No Server header, the security headers' settings, and forwarded headers from configured proxies only.</summary>
    public static WebApplicationBuilder AddHubHttpSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddOptions<HttpSecurityOptions>()
            .Bind(builder.Configuration.GetSection(HttpSecurityOptions.Section))
            .Validate(o => o.IsValid, "Hub:Http:FrameAncestors entries must be single CSP sources such as https://portal.example.gov.cn")
            .ValidateOnStart();
        builder.Services.AddOptions<NetworkOptions>()
            .Bind(builder.Configuration.GetSection(NetworkOptions.Section))
            .Validate(o => o.IsValid, "Hub:Network:KnownProxies must be IP addresses and Hub:Network:KnownNetworks CIDR ranges such as 10.0.0.0/24")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Every hop is checked against the known proxies, so a chain of them may be walked back.
            forwarded.ForwardLimit = null;
            // The framework trusts loopback out of the box; here only what the operator names is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var range in network.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(range));
            }
        });
        return builder;
    }

    /// <summary>
    /// Forwarded headers first, so everything after sees the client's address and scheme; then
    /// the security headers, and HSTS on HTTPS requests outside Development.
    /// </summary>
    public static WebApplication UseHubHttpSecurity(this WebApplication app)
    {
        // With no known proxy the framework's middleware would trust every sender, so it is
        // left out: a node that is not told of a proxy believes no forwarded header.
        if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.HasProxies)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }
}
