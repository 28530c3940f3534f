using Hub.Grains.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Realtime.Identity;

/// <summary>
/// Closes the hub connections of staff members who were disabled, or whose roles or password
/// changed, since the connection opened. A token is checked when a connection opens; this
/// sweep catches what changes afterwards, on every node, within <see cref="Period"/>.
/// </summary>
public sealed class StaffSessionMonitor(
    StaffSessions sessions, StaffStamps stamps, ISecurityLog securityLog, TimeProvider time, ILogger<StaffSessionMonitor> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (username, stamp) in sessions.Holders())
            {
                try
                {
                    if (!await stamps.IsCurrent(username, stamp, fresh: true))
                    {
                        var closed = sessions.Close(username, stamp);
                        logger.LogInformation("Closed {Count} hub connections of staff member {Username}: their sign-in is no longer accepted", closed, username);
                        await securityLog.Append(new SecurityEvent(time.GetUtcNow(), SecurityEventKinds.ConnectionCutOff, "", "hub", null, username,
                            null, $"{closed} connection(s) closed: the sign-in is no longer accepted"));
                    }
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // A silo or store that cannot answer now is asked again on the next tick.
                    logger.LogWarning("Could not check the sign-in of {Username}: {Reason}", username, failure.GetType().Name);
                }
            }
        }
    }
}
