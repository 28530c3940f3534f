using Hub.LoadTests.Contract;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// What the hub's own metrics say about its memory and connections: the process's working set
/// (<c>dotnet_process_memory_working_set_bytes</c>), the managed heap after the last collection
/// (<c>dotnet_gc_last_collection_heap_size_bytes</c>, all generations) and the open hub
/// connections (<c>hub_connections</c>).
/// </summary>
public sealed record ServerMemory(long WorkingSetBytes, long GcHeapBytes, long Connections)
{
    public const string WorkingSetMetric = "dotnet_process_memory_working_set_bytes";
    public const string GcHeapMetric = "dotnet_gc_last_collection_heap_size_bytes";
    public const string ConnectionsMetric = "hub_connections";

    public static ServerMemory Parse(string scrape) =>
        new(Read(scrape, WorkingSetMetric), Read(scrape, GcHeapMetric), Read(scrape, ConnectionsMetric));

    /// <summary>The memory the connections opened since <paramref name="before"/> cost each, in bytes.</summary>
    public long PerConnectionSince(ServerMemory before, Func<ServerMemory, long> memory) =>
        Connections > before.Connections ? (memory(this) - memory(before)) / (Connections - before.Connections) : 0;

    private static long Read(string scrape, string metric) =>
        (long)(PrometheusText.Sum(scrape, metric) ?? throw new FormatException($"the hub's metrics have no {metric}"));
}
