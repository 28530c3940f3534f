using MailKit.Security;

namespace Hub.Grains.Mail;

/// <summary>
/// The SMTP server officers' alert e-mail goes through, bound from <c>Hub:Mail</c>. Without a
/// <see cref="Host"/> no e-mail is sent and nothing is queued.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Hub:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>StartTls</c> (the default), <c>SslOnConnect</c> (port 465), <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The SMTP login; none when the server takes mail without one.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, required with a host.</summary>
    public string From { get; set; } = "";

    public string FromName { get; set; } = "政务新媒体互动平台";

    /// <summary>The wait before the first retry; each later one waits twice as long.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a mail is given up (about 17 hours with the default base).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often an outbox with pending mail looks for what is due.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one exchange with the server may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Finished mails (sent or given up) each account keeps, which is also how long a repeated alert is recognised.</summary>
    public int LogSize { get; set; } = 200;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public bool IsValid => !Enabled || (Port is > 0 and <= 65535 && Staff.StaffEmail.IsAddress(From)
        && RetryBase > TimeSpan.Zero && MaxAttempts is >= 1 and <= 30 && PollPeriod > TimeSpan.Zero && Timeout > TimeSpan.Zero && LogSize >= 1
        && string.IsNullOrEmpty(Username) == string.IsNullOrEmpty(Password));
}
