namespace Hub.Grains.Common;

/// <summary>
/// The clock the domain rules read (legal clocks, lockouts, rate windows). It is a keyed
/// <see cref="TimeProvider"/> so tests can replace it with a fake one without also moving
/// Orleans' own timers, which read the unkeyed TimeProvider.
/// </summary>
public static class HubClock
{
    public const string Key = "hub-clock";
}
