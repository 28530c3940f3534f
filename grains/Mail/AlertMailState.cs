namespace Hub.Grains.Mail;

/// <summary>An account's alert mail: the pending ones are the outbox, the finished ones a short log.</summary>
[GenerateSerializer, Alias("hub.alert-mail-state")]
public sealed class AlertMailState
{
    [Id(0)] public List<AlertMail> Mails { get; set; } = [];
}
