using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Testing;

/// <summary>
/// An integrator's endpoint on a loopback port: it keeps every request it receives and answers
/// with the status <see cref="Answer"/> holds at that moment, so a test can make it fail and recover.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(IHeaderDictionary Headers, string Body);

    private readonly Inbox<Received> _received = new();
    private LoopbackHost? _host;

    private WebhookReceiver()
    {
    }

    public int Answer { get; set; } = StatusCodes.Status204NoContent;

    public string Url => _host!.BaseUrl + "/hooks";

    public static async Task<WebhookReceiver> Start()
    {
        var receiver = new WebhookReceiver();
        receiver._host = await LoopbackHost.Start(receiver.Map);
        return receiver;
    }

    private void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            await _received.Add(new Received(new HeaderDictionary(http.Request.Headers.ToDictionary()), body));
            return Results.StatusCode(Answer);
        });

    /// <summary>The next request, or a failure when none comes within the time.</summary>
    public Task<Received> Next(TimeSpan? within = null) => _received.Next(within);

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;
}
