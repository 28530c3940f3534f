using Hub.Grains.Common;

namespace Hub.Grains.Security;

/// <summary>
/// The security log: sign-ins, account and staff changes, restricted-word changes and
/// inspectors' reads, appended and never changed. In memory for the embedded default (the
/// latest entries only), in the <c>hub_security_log</c> table with PostgreSQL.
/// </summary>
public interface ISecurityLog
{
    /// <summary>Stores the entry; unavailable when the store cannot be reached.</summary>
    Task Append(SecurityEvent entry);

    /// <summary>The matching entries, newest first.</summary>
    Task<IReadOnlyList<SecurityEvent>> Read(SecurityLogQuery query);
}

public static class SecurityLogExtensions
{
    /// <summary>Appends what a caller did, now.</summary>
    public static Task Record(this ISecurityLog log, TimeProvider time, string kind, Caller actor, string? accountId, string subject, string? detail = null) =>
        log.Append(new SecurityEvent(time.GetUtcNow(), kind, actor.UserId, actor.DisplayName, accountId, subject, null, detail));
}
