using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Sends through an SMTP server with MailKit: STARTTLS unless <c>Email:Smtp:UseStartTls</c> is false
/// (a server that does not offer it is an error, never a silent fall-back to plain text), the server's
/// certificate validated as usual, then authentication if a user name is set. A 5xx reply is a
/// permanent refusal; anything else (4xx, no answer, a broken connection) is retried.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public string Name => "smtp";

    public async Task SendAsync(EmailOutboxEntry email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = MimeMessageFactory.Create(email, settings.From);
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        var security = settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            throw new EmailRejectedException($"The SMTP server refused the e-mail: {(int)ex.StatusCode} {ex.StatusCode}.");
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailDeliveryException($"The SMTP server answered {(int)ex.StatusCode} {ex.StatusCode}.");
        }
        catch (AuthenticationException)
        {
            throw new EmailDeliveryException("The SMTP server did not accept Email:Smtp:UserName and Email:Smtp:Password.");
        }
        catch (SslHandshakeException)
        {
            throw new EmailDeliveryException("TLS with the SMTP server failed: its certificate is not trusted or does not name Email:Smtp:Host.");
        }
        catch (NotSupportedException) when (security == SecureSocketOptions.StartTls)
        {
            throw new EmailDeliveryException("The SMTP server does not offer STARTTLS; set Email:Smtp:UseStartTls to false only for a relay on the same machine.");
        }
    }
}
