using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Hub.Grains.Mail;

/// <summary>
/// Sends alert mail through the configured SMTP server (MailKit), one connection per batch.
/// Each mail's Message-ID is derived from its id, so a server or a reader that sees the same
/// mail twice (an answer lost after the server took it) can tell.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options)
{
    /// <summary>For each mail in order, null when the server took it, else why not.</summary>
    public async Task<IReadOnlyList<string?>> Send(IReadOnlyList<AlertMail> mails, CancellationToken cancellation)
    {
        var settings = options.Value;
        var outcomes = new string?[mails.Count];
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellation);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellation);
            }
        }
        catch (Exception failure) when (failure is IOException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException
            or SmtpCommandException or SmtpProtocolException or MailKit.Security.SslHandshakeException or TimeoutException or OperationCanceledException)
        {
            Array.Fill(outcomes, $"the mail server could not be reached: {failure.Message}");
            return outcomes;
        }
        for (var i = 0; i < mails.Count; i++)
        {
            try
            {
                await smtp.SendAsync(Message(mails[i], settings), cancellation);
            }
            catch (SmtpCommandException refused)
            {
                outcomes[i] = $"the mail server refused the mail: {refused.Message}";
            }
            catch (Exception failure) when (failure is IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
            {
                Array.Fill(outcomes, $"the connection to the mail server broke: {failure.Message}", i, mails.Count - i);
                return outcomes;
            }
        }
        await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        return outcomes;
    }

    private static MimeMessage Message(AlertMail mail, MailOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body },
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        var domain = settings.From[(settings.From.IndexOf('@') + 1)..];
        message.MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mail.MailId)).AsSpan(0, 16))}@{domain}";
        return message;
    }
}
