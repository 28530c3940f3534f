using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Webhooks;

/// <summary>
/// Sends one signed delivery. The connection refuses private addresses at the moment it is
/// made (after the name is resolved), unless the options allow them.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;

    public WebhookSender(IOptions<WebhookOptions> options)
    {
        var settings = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, cancellation) => Connect(context, settings.AllowPrivateAddresses, cancellation),
        };
        _http = new HttpClient(handler) { Timeout = settings.Timeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Hub-Webhooks/1");
    }

    /// <summary>The receiver's status code, or null with the reason when none came back.</summary>
    public async Task<(int? Status, string? Error)> Send(WebhookSubscription subscription, WebhookDelivery delivery, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.MessageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, delivery.MessageId, timestamp, delivery.Body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"the receiver answered {(int)response.StatusCode}");
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return (null, failure is TaskCanceledException ? "the receiver did not answer in time" : failure.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellation);
        var allowed = addresses.Where(a => allowPrivate || !WebhookAddress.IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address the hub may call");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
