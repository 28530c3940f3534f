using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Testing;

/// <summary>
/// The real web node (co-hosted silo, Kestrel on a free loopback port) configured as an
/// operator would outside Development: its own signing key, admin and Orleans ports.
/// </summary>
public sealed class HubAppFactory : WebApplicationFactory<Program>
{
    public const string AdminUsername = "chief-admin";
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>Every test client shares the loopback address, so tests raise the per-address limits far above what they use.</summary>
    public static readonly IReadOnlyDictionary<string, string> LoopbackLimits = new Dictionary<string, string>
    {
        ["Hub:Limits:CitizenTokens:Permits"] = "1000000",
        ["Hub:Limits:StaffSignIns:Permits"] = "1000000",
        ["Hub:Limits:EventOpens:Permits"] = "1000000",
        ["Hub:Limits:ConversationReturns:Permits"] = "1000000",
    };

    private readonly Dictionary<string, string> _settings;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="overrides">Settings that replace the defaults, to test how the node reacts to them or to join nodes.</param>
    /// <param name="logs">Also receives the node's log, for tests of what it logs.</param>
    /// <param name="services">Adds to the node's services, e.g. an exporter that keeps its traces for the test.</param>
    public HubAppFactory(IReadOnlyDictionary<string, string>? overrides = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        _logs = logs;
        _services = services;
        _settings = new Dictionary<string, string>(LoopbackLimits)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Hub:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Hub:SiloPort"] = FreePort().ToString(),
            ["Hub:GatewayPort"] = FreePort().ToString(),
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Hub:Admin:Username"] = AdminUsername,
            ["Hub:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
        UseKestrel();
    }

    /// <summary>The effective value of a setting, e.g. the silo port another node joins.</summary>
    public string Setting(string key) => _settings[key];

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
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
