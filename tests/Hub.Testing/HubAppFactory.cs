using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing;

/// <summary>
/// The real web node (co-hosted silo, Kestrel on a free loopback port) configured as an
/// operator would outside Development: its own signing key, admin and Orleans ports.
/// </summary>
public sealed class HubAppFactory : WebApplicationFactory<Program>
{
    public const string AdminUsername = "chief-admin";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly IReadOnlyDictionary<string, string> _overrides;

    /// <param name="overrides">Settings that replace the defaults below, to test how the node reacts to them.</param>
    public HubAppFactory(IReadOnlyDictionary<string, string>? overrides = null)
    {
        _overrides = overrides ?? new Dictionary<string, string>();
        UseKestrel();
    }

    /// <summary>The address the node listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Hub:ClusterId", $"test-{Guid.NewGuid():N}");
        builder.UseSetting("Hub:SiloPort", FreePort().ToString());
        builder.UseSetting("Hub:GatewayPort", FreePort().ToString());
        builder.UseSetting("Hub:Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Hub:Admin:Username", AdminUsername);
        builder.UseSetting("Hub:Admin:Password", AdminPassword);
        foreach (var (key, value) in _overrides)
        {
            builder.UseSetting(key, value);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
