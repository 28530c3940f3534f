using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Testing;

/// <summary>The contract's REST calls, for setting up accounts, staff and citizens in tests.</summary>
public sealed class HubApi(Uri address)
{
    public const string StaffPassword = "officer-password";

    // Callers are told apart by their tokens alone: a cookie one call sets must not ride along on the next.
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };

    public Uri Address => address;

    public sealed record SignedIn(string Token, string UserId, string DisplayName, string[] Roles, string[] AccountIds);

    public sealed record Staff(string Username, string UserId, string DisplayName);

    public async Task<SignedIn> Citizen(string displayName = "张三")
    {
        var response = await _http.PostAsJsonAsync("/api/auth/citizen", new { displayName });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedIn>(Json))!;
    }

    public async Task<SignedIn> SignIn(string username, string password)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/staff", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedIn>(Json))!;
    }

    public Task<SignedIn> Admin() => SignIn(HubAppFactory.AdminUsername, HubAppFactory.AdminPassword);

    /// <summary>Creates an account with a fresh id and returns the id.</summary>
    public async Task<string> Account(string name = "市民服务热线", string department = "市政府办公厅")
    {
        var id = $"acc-{Guid.NewGuid():N}"[..24];
        var response = await Send(HttpMethod.Post, "/api/accounts", (await Admin()).Token, new { id, name, department });
        response.EnsureSuccessStatusCode();
        return id;
    }

    public async Task<Staff> StaffMember(string accountId, string displayName, params string[] roles)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        var response = await Send(HttpMethod.Post, $"/api/accounts/{accountId}/staff", (await Admin()).Token,
            new { username, password = StaffPassword, displayName, roles });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Staff(username, body.GetProperty("userId").GetString()!, displayName);
    }

    public async Task<SignedIn> Agent(string accountId, string displayName = "李坐席")
    {
        var staff = await StaffMember(accountId, displayName, "agent");
        return await SignIn(staff.Username, StaffPassword);
    }

    public async Task<SignedIn> Press(string accountId, string displayName = "周发言人")
    {
        var staff = await StaffMember(accountId, displayName, "press");
        return await SignIn(staff.Username, StaffPassword);
    }

    public async Task<SignedIn> Moderator(string accountId, string displayName = "吴主持人")
    {
        var staff = await StaffMember(accountId, displayName, "moderator");
        return await SignIn(staff.Username, StaffPassword);
    }

    /// <summary>Opens a public event as the given press officer and returns its id.</summary>
    public async Task<string> OpenEvent(string pressToken, string accountId, int severity, string title = "突发事件", string kind = "incident")
    {
        var response = await Send(HttpMethod.Post, "/api/events", pressToken, new { accountId, kind, title, severity });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!;
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
