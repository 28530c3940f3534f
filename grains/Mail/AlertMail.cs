namespace Hub.Grains.Mail;

/// <summary>
/// One alert on its way to one officer: pending until the SMTP server takes it (sent), or until
/// every attempt failed (failed). <see cref="MailId"/> is the alert's key and the officer, so
/// the same alert raised again adds nothing, and it is the message id the server sees on every
/// attempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.alert-mail")]
public sealed record AlertMail(
    [property: Id(0)] string MailId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string To,
    [property: Id(3)] string ToName,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Body,
    [property: Id(6)] string Status,
    [property: Id(7)] int Attempts,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? NextAttemptAt,
    [property: Id(10)] string? LastError)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
