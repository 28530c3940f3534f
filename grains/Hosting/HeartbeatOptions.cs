namespace Hub.Grains.Hosting;

/// <summary>
/// How soon the cluster stops waiting for a silo that no longer writes its heartbeat to the
/// membership table, bound from <c>Hub:Membership</c>. A node restarted after a crash on the
/// same address and silo port supersedes its dead self at once; one that comes back elsewhere
/// (a new address or port) must first see the dead entry go stale, then probe it and declare
/// it dead, and only then joins. Probing itself keeps Orleans' defaults, so a silo that is
/// alive but slow is not declared dead any sooner.
/// </summary>
public sealed class HeartbeatOptions
{
    /// <summary>How often each silo writes its heartbeat (Orleans' default is 30 s).</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many heartbeats a silo may miss before the others treat its entry as stale (Orleans' default is 3).</summary>
    public int MissedHeartbeats { get; set; } = 2;
}
