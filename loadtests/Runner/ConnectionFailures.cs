using System.Net.Sockets;
using System.Net.WebSockets;
using Hub.LoadTests.Contract;

namespace Hub.LoadTests.Runner;

/// <summary>
/// Why a connection could not be opened, as the "connect" step's counters of every scenario
/// count them: refused (the hub answered 503), reset (the TCP connection was refused, reset or
/// closed before the hub answered), timeout, other. "opened" counts those that were.
/// </summary>
public static class ConnectionFailures
{
    public const string Step = "connect";
    public const string Opened = "opened";
    public const string Refused = "refused";
    public const string Reset = "reset";
    public const string Timeout = "timeout";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Counters = [Opened, Refused, Reset, Timeout, Other];

    /// <summary>Shows every counter of the step, at zero until something happens, so each report states them.</summary>
    public static void Declare(ScenarioContext context)
    {
        foreach (var counter in Counters)
        {
            context.Count(Step, counter, 0);
        }
    }

    // A reset that lands while the client is still opening the socket surfaces as "not connected".
    public static string Cause(Exception error) => error switch
    {
        ConnectionRefusedException => Refused,
        TimeoutException or OperationCanceledException => Timeout,
        SocketException { SocketErrorCode: SocketError.TimedOut } => Timeout,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected } => Reset,
        WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely } => Reset,
        { InnerException: { } inner } when Cause(inner) is var cause && cause != Other => cause,
        IOException => Reset,
        _ => Other,
    };
}
