using System.Collections.Concurrent;
using Hub.Grains.Staff;
using Hub.Realtime.Errors;
using Microsoft.Extensions.Logging;

namespace Hub.Realtime.Identity;

/// <summary>
/// Whether a staff token's stamp is still the member's current one. Each node remembers the
/// answer for a few seconds, so a burst of requests costs one grain call, and a disabled
/// member's tokens stop working within those seconds on every node.
/// </summary>
public sealed class StaffStamps(IGrainFactory grains, TimeProvider time, ILogger<StaffStamps> logger)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset FetchedAt)> _known = new();

    /// <summary>
    /// With <paramref name="fresh"/>, always asks the member's grain and lets a failure through.
    /// Otherwise a store or silo that cannot answer does not sign staff out during an outage:
    /// the last known stamp decides, or, for a member this node never saw, the signed token alone.
    /// </summary>
    public async ValueTask<bool> IsCurrent(string username, string stamp, bool fresh = false)
    {
        var now = time.GetUtcNow();
        var cached = _known.TryGetValue(username, out var known);
        if (fresh || !cached || now - known.FetchedAt >= FreshFor)
        {
            try
            {
                known = (await grains.GetGrain<IStaffGrain>(username).GetStamp(), now);
            }
            catch (Exception failure) when (!fresh && CallFailure.AsRuleViolation(failure) is not null)
            {
                logger.LogWarning("Could not check the sign-in of {Username} ({Reason}); going by what is known", username, failure.GetType().Name);
                return !cached || known.Stamp == stamp;
            }
            _known[username] = known;
        }
        return known.Stamp == stamp;
    }

    /// <summary>Forgets what this node knew of a member, so a change made here is felt here at once.</summary>
    public void Forget(string username) => _known.TryRemove(username, out _);
}
