using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.LoadTests.Reports;

namespace Hub.LoadTests.Agents;

/// <summary>The coordinator's side of <c>POST /run</c>: asks one agent for its share and waits for the whole run.</summary>
public sealed class AgentClient(string? secret) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<AgentResult> Run(Uri agent, AgentRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(agent, AgentServer.RunPath))
        {
            Content = JsonContent.Create(request, options: JsonReport.Options),
        };
        if (secret is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        using var response = await _http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var detail = problem.TryGetProperty("detail", out var text) ? text.GetString() : null;
            throw new AgentFailedException(agent, $"answered {(int)response.StatusCode}: {detail}");
        }
        return await response.Content.ReadFromJsonAsync<AgentResult>(JsonReport.Options, cancellationToken)
            ?? throw new AgentFailedException(agent, "answered no figures");
    }

    public void Dispose() => _http.Dispose();
}
