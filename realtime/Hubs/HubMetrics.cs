using System.Diagnostics.Metrics;
using Hub.Grains.Common;
using Hub.Grains.Telemetry;

namespace Hub.Realtime.Hubs;

/// <summary>
/// The hub's own meter on the web node: connections open on this node, calls by method and
/// result, and pushes. A call's result is "ok", the contract's error code of a refusal, or
/// "error" for a failure no code names.
/// </summary>
public sealed class HubMetrics
{
    public const string MeterName = GrainMetrics.MeterName;
    public const string Ok = "ok";
    public const string Error = "error";

    private static readonly HashSet<string> Codes = [.. Enum.GetValues<HubErrorCode>().Select(c => c.Prefix())];

    // One meter for the process rather than one per host: OpenTelemetry merges same-named
    // meters of the hosts in a process (tests run several), and a host's meter disposed with it
    // would end the streams the others still report.
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Calls =
        Meter.CreateCounter<long>("hub.calls", "{call}", "Hub method calls by method and result");

    private static readonly Counter<long> Pushes =
        Meter.CreateCounter<long>("hub.pushes", "{push}", "Pushes from the grains, by event and by target (users or groups)");

    private static readonly Histogram<double> PushDurations =
        Meter.CreateHistogram<double>("hub.push.duration", "s", "How long a push took to hand to SignalR (with Redis, to publish), by target");

    private static readonly UpDownCounter<long> GroupMembers =
        Meter.CreateUpDownCounter<long>("hub.group.members", "{connection}",
            "Connections on this node in push groups, by kind of group (event followers, press, moderators, supervisors): a push to a group reaches the sum over nodes");

    private static readonly Counter<long> Refusals =
        Meter.CreateCounter<long>("hub.connections.refused", "{connection}",
            "New connections refused (503) because the node was full (reason connections) or short of memory (reason memory)");

    private static readonly Counter<long> SlowReaders =
        Meter.CreateCounter<long>("hub.connections.slow_closed", "{connection}",
            "Connections closed because their client fell too far behind reading its pushes");

    private static long _connections;

    static HubMetrics() =>
        // Observed rather than counted, so a node without connections reports 0 rather than nothing.
        Meter.CreateObservableUpDownCounter("hub.connections", () => Interlocked.Read(ref _connections), "{connection}",
            "SignalR connections open on this node");

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);

    /// <param name="group">A push group's name (see <c>PushGroups</c>): its kind is what comes before the colon.</param>
    public void GroupChanged(string group, int change) =>
        GroupMembers.Add(change, new KeyValuePair<string, object?>("hub.group.kind", group.Split(':', 2)[0]));

    public void Refused(string reason) => Refusals.Add(1, new KeyValuePair<string, object?>("hub.reason", reason));

    public void SlowReaderClosed() => SlowReaders.Add(1);

    public void Pushed(string target, string eventName, TimeSpan took)
    {
        var targetTag = new KeyValuePair<string, object?>("hub.target", target);
        Pushes.Add(1, targetTag, new KeyValuePair<string, object?>("hub.event", eventName));
        PushDurations.Record(took.TotalSeconds, targetTag);
    }

    public void Called(string method, string result) =>
        Calls.Add(1, new KeyValuePair<string, object?>("hub.method", method), new KeyValuePair<string, object?>("hub.result", result));

    /// <summary>The code a hub error message starts with ("code: message"), or "error" when it names none.</summary>
    public static string ResultOf(string hubErrorMessage) =>
        hubErrorMessage.Split(':', 2)[0] is var code && Codes.Contains(code) ? code : Error;
}
