using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.LoadTests.Contract;

/// <summary>
/// The contract's REST calls and hub connections, as any external client makes them: JSON,
/// WebSockets without negotiation, the token in the access_token parameter.
/// </summary>
public sealed class ContractClient(Uri target, HubProtocol protocol = HubProtocol.Json) : IDisposable
{
    /// <summary>The password the scenarios give the staff they create.</summary>
    public const string StaffPassword = "load-test-password";

    /// <summary>How long opening a hub connection may take before it counts as timed out.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { BaseAddress = target };

    public Uri Target => target;

    /// <summary>A fresh id that satisfies the contract's account id rule, so runs never collide.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public async Task<(string Token, string UserId)> SignInStaff(string username, string password) =>
        Read(await Send(HttpMethod.Post, "/api/auth/staff", null, new { username, password }));

    public async Task<(string Token, string UserId)> SignInCitizen(string displayName) =>
        Read(await Send(HttpMethod.Post, "/api/auth/citizen", null, new { displayName }));

    public Task CreateAccount(string adminToken, string id, string name) =>
        Send(HttpMethod.Post, "/api/accounts", adminToken, new { id, name, department = "load test" });

    public Task CreateStaff(string adminToken, string accountId, string username, string password, string role) =>
        Send(HttpMethod.Post, $"/api/accounts/{accountId}/staff", adminToken,
            new { username, password, displayName = username, roles = new[] { role } });

    /// <summary>Creates a staff member of the account with one role and signs them in.</summary>
    public async Task<(string Token, string UserId)> StaffMember(string adminToken, string accountId, string role)
    {
        var username = NewId($"load-{role}");
        await CreateStaff(adminToken, accountId, username, StaffPassword, role);
        return await SignInStaff(username, StaffPassword);
    }

    /// <summary>Opens a public event (kind incident or live) as a press officer; answers its id.</summary>
    public async Task<string> OpenEvent(string pressToken, string accountId, string kind, string title, int severity) =>
        (await Send(HttpMethod.Post, "/api/events", pressToken, new { accountId, kind, title, severity }))
            .GetProperty("eventId").GetString()!;

    public Task<JsonElement> GetEvent(string eventId) => Send(HttpMethod.Get, $"/api/events/{eventId}", null, null);

    /// <summary>The node's Prometheus scrape: /metrics on its main port with an admin's token, or a metrics port's without one.</summary>
    public async Task<string> Metrics(Uri scrape, string? adminToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, scrape);
        if (adminToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        }
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>A started hub connection; anonymous without a token (public pages).</summary>
    public async Task<HubConnection> Connect(string? token, CancellationToken cancellationToken = default)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(target, "/hub"), options =>
            {
                // One socket per connection: no negotiate request, so no keep-alive HTTP connection beside it.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = (context, opening) => OpenWebSocket(context.Uri, token, opening);
            });
        if (protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        var connection = builder.Build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ConnectTimeout);
        try
        {
            await connection.StartAsync(deadline.Token);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"the hub connection did not open within {ConnectTimeout.TotalSeconds:0} s");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The WebSocket under a hub connection, opened here rather than by the SignalR client so a
    /// 503 is told apart from other failures (the client reports every failed upgrade alike).
    /// </summary>
    private static async ValueTask<WebSocket> OpenWebSocket(Uri uri, string? token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            return socket;
        }
        catch (WebSocketException) when (socket.HttpStatusCode == HttpStatusCode.ServiceUnavailable)
        {
            var retryAfter = socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true
                && int.TryParse(values.FirstOrDefault(), out var seconds) ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            socket.Dispose();
            throw new ConnectionRefusedException(retryAfter);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> Send(HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (string Token, string UserId) Read(JsonElement signedIn) =>
        (signedIn.GetProperty("token").GetString()!, signedIn.GetProperty("userId").GetString()!);
}
