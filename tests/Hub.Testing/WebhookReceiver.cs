using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Testing;

/// <summary>
/// An integrator's endpoint on a loopback port: it keeps every request it receives and answers
/// with the status <see cref="Answer"/> holds at that moment, so a test can make it fail and recover.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(IHeaderDictionary Headers, string Body);

    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public int Answer { get; set; } = StatusCodes.Status204NoContent;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";

    public static async Task<WebhookReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            await receiver._received.Writer.WriteAsync(new Received(new HeaderDictionary(http.Request.Headers.ToDictionary()), body));
            return Results.StatusCode(receiver.Answer);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next request, or a failure when none comes within the time.</summary>
    public async Task<Received> Next(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
