using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;

namespace Hub.LoadTests.Runner;

/// <summary>
/// Names a failed call by the contract's error code, so the report's error table reads like the
/// contract (bad_request, forbidden, conflict, rate_limited, ...), or by what went wrong below it.
/// </summary>
public static class ErrorCodes
{
    public const string Timeout = "timeout";
    public const string Transport = "transport";
    public const string Unexpected = "unexpected";

    private const string HubMarker = "HubException: ";

    public static string Classify(Exception error) => error switch
    {
        HubException hub => FromHubMessage(hub.Message),
        TimeoutException or OperationCanceledException => Timeout,
        HttpRequestException or IOException or WebSocketException => Transport,
        // The SignalR client refuses calls on a connection that is not connected.
        InvalidOperationException => Transport,
        AggregateException { InnerException: { } inner } => Classify(inner),
        _ => Unexpected,
    };

    /// <summary>The code before the first colon of a hub error, e.g. "conflict" in "... HubException: conflict: already voted".</summary>
    public static string FromHubMessage(string message)
    {
        var marker = message.IndexOf(HubMarker, StringComparison.Ordinal);
        var text = marker >= 0 ? message[(marker + HubMarker.Length)..] : message;
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return "hub_error";
        }
        var code = text[..colon];
        return code.All(c => c is (>= 'a' and <= 'z') or '_') ? code : "hub_error";
    }
}
