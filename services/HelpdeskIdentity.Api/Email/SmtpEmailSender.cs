using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>Sends through an SMTP server with STARTTLS (System.Net.Mail); a 5xx reply is a permanent refusal.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public string Name => "smtp";

    public async Task SendAsync(EmailOutboxEntry email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = MailMessageFactory.Create(email, settings.From);
        using var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port)
        {
            EnableSsl = settings.Smtp.UseStartTls,
            Timeout = (int)settings.SendTimeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            throw new EmailRejectedException($"The SMTP server refused the e-mail: {(int)ex.StatusCode} {ex.StatusCode}.");
        }
    }
}
