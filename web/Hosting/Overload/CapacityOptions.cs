namespace Hub.Web.Hosting.Overload;

/// <summary>
/// What one web node carries, bound from <c>Hub:Limits</c> beside the per-user limits. Unlike
/// those, these stay on with <c>Hub:Limits:Enabled=false</c>: they keep the node alive, not fair.
/// </summary>
public sealed class CapacityOptions
{
    public const string Section = "Hub:Limits";

    /// <summary>Open files kept for everything that is not a client: storage, Redis, the cluster, logs, assemblies.</summary>
    public const long ReservedFiles = 512;

    /// <summary>Of the files left, the share hub connections may hold; the rest is for plain HTTP (REST, pages, refusals).</summary>
    public const double ConnectionShare = 0.8;

    /// <summary>When the open-file limit cannot be read.</summary>
    public const int FallbackMaxConnections = 10_000;

    /// <summary>Hub connections this node holds at most; by default derived from the process's open-file limit.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>
    /// New connections are refused while the GC heap (committed, at the last collection) is at least this share of
    /// the memory the GC may use: DOTNET_GCHeapHardLimit when set, else the container's or the machine's.
    /// </summary>
    public double MaxHeapShare { get; set; } = 0.9;

    /// <summary>
    /// Pushes one connection may have waiting to be sent before it is closed as too slow a reader.
    /// Room for the largest answer too: a long conversation's whole history is sent in one.
    /// </summary>
    public long OutgoingBufferBytes { get; set; } = 1024 * 1024;

    public bool IsValid =>
        MaxConnections is null or > 0 && MaxHeapShare is > 0 and <= 1 && OutgoingBufferBytes >= 4 * 1024;

    /// <summary>The maximum in force: the setting, else the share of the open files left after the reserve.</summary>
    public int EffectiveMaxConnections(long? openFiles) =>
        MaxConnections ?? (openFiles is { } files
            ? (int)Math.Clamp((files - ReservedFiles) * ConnectionShare, 1, int.MaxValue)
            : FallbackMaxConnections);

    /// <summary>Plain HTTP connections Kestrel keeps open at once, so refusals and REST never take the files the rest needs.</summary>
    public static long? PlainHttpConnections(long? openFiles) =>
        openFiles is { } files ? Math.Max(64, (long)((files - ReservedFiles) * (1 - ConnectionShare))) : null;
}
