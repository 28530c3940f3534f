using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// A node behind a configured proxy (loopback, where the tests run), with low per-address
/// limits and one allowed framing site. Requests name the client they come from in
/// X-Forwarded-For, so each test counts against addresses of its own.
/// </summary>
public sealed class ProxiedNode : IAsyncLifetime
{
    public const int Permits = 3;
    public const string FramingSite = "https://portal.example.gov.cn";

    private static int _lastAddress;

    private readonly HubAppFactory _factory = new(new Dictionary<string, string>
    {
        ["Hub:Network:KnownProxies:0"] = "127.0.0.1",
        ["Hub:Limits:CitizenTokens:Permits"] = $"{Permits}",
        ["Hub:Limits:StaffSignIns:Permits"] = $"{Permits}",
        ["Hub:Limits:EventOpens:Permits"] = $"{Permits}",
        ["Hub:Http:FrameAncestors:0"] = FramingSite,
    });

    private HttpClient _http = null!;

    /// <summary>The admin's token, signed in from an address of its own.</summary>
    public string AdminToken { get; private set; } = null!;

    /// <summary>A client address no other request has used.</summary>
    public static string FreshAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public async Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = _factory.Address };
        AdminToken = await SignIn(HubAppFactory.AdminUsername, HubAppFactory.AdminPassword, FreshAddress());
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string from, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", from);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Send(HttpRequestMessage request) => _http.SendAsync(request);

    public async Task<string> SignIn(string username, string password, string from)
    {
        var response = await Send(HttpMethod.Post, "/api/auth/staff", from, new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("token");
    }

    /// <summary>A fresh account and a staff member of it with these roles; returns both ids and the username.</summary>
    public async Task<(string AccountId, string Username)> AccountWithStaff(params string[] roles)
    {
        var accountId = $"acc-{Guid.NewGuid():N}"[..24];
        (await Send(HttpMethod.Post, "/api/accounts", FreshAddress(), new { id = accountId, name = "限流测试", department = "办公厅" }, AdminToken))
            .EnsureSuccessStatusCode();
        var username = $"u{Guid.NewGuid():N}"[..20];
        (await Send(HttpMethod.Post, $"/api/accounts/{accountId}/staff", FreshAddress(),
            new { username, password = HubApi.StaffPassword, displayName = "测试员", roles }, AdminToken)).EnsureSuccessStatusCode();
        return (accountId, username);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }
}
