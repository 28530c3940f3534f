using System.Collections.Concurrent;
using Hub.Grains.Staff;

namespace Hub.Realtime.Identity;

/// <summary>
/// Whether a staff token's stamp is still the member's current one. Each node remembers the
/// answer for a few seconds, so a burst of requests costs one grain call, and a disabled
/// member's tokens stop working within those seconds on every node.
/// </summary>
public sealed class StaffStamps(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset FetchedAt)> _known = new();

    public async ValueTask<bool> IsCurrent(string username, string stamp, bool fresh = false)
    {
        var now = time.GetUtcNow();
        if (fresh || !_known.TryGetValue(username, out var known) || now - known.FetchedAt >= FreshFor)
        {
            known = (await grains.GetGrain<IStaffGrain>(username).GetStamp(), now);
            _known[username] = known;
        }
        return known.Stamp == stamp;
    }

    /// <summary>Forgets what this node knew of a member, so a change made here is felt here at once.</summary>
    public void Forget(string username) => _known.TryRemove(username, out _);
}
