using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests;

/// <summary>The contract's REST calls and hub connections, as any external client makes them.</summary>
public sealed class ContractClient(Uri target) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = target };

    public async Task<(string Token, string UserId)> SignInStaff(string username, string password) =>
        Read(await Post("/api/auth/staff", null, new { username, password }));

    public async Task<(string Token, string UserId)> SignInCitizen(string displayName) =>
        Read(await Post("/api/auth/citizen", null, new { displayName }));

    public Task CreateAccount(string adminToken, string id, string name) =>
        Post("/api/accounts", adminToken, new { id, name, department = "load test" });

    public Task CreateStaff(string adminToken, string accountId, string username, string password, string role) =>
        Post($"/api/accounts/{accountId}/staff", adminToken, new { username, password, displayName = username, roles = new[] { role } });

    public async Task<HubConnection> Connect(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(target, "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> Post(string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Token, string UserId) Read(JsonElement signedIn) =>
        (signedIn.GetProperty("token").GetString()!, signedIn.GetProperty("userId").GetString()!);
}
