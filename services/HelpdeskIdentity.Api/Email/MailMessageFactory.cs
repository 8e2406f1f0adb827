using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace HelpdeskIdentity.Api.Email;

/// <summary>The MIME form of an outbox e-mail: UTF-8 multipart/alternative, text then HTML, with a Message-ID from its id.</summary>
internal static class MailMessageFactory
{
    /// <summary>Also on the message as a header, so a receiver or the dev mailbox can tell resends apart from new mails.</summary>
    public const string MessageIdHeader = "X-Hdid-Message-Id";

    public static MailMessage Create(EmailOutboxEntry email, string from)
    {
        var sender = new MailAddress(from);
        var message = new MailMessage
        {
            From = sender,
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.ToAddress, email.ToName, Encoding.UTF8));
        message.Headers["Message-ID"] = MessageId(email.Id, sender.Host);
        message.Headers[MessageIdHeader] = email.Id.ToString();
        message.AlternateViews.Add(View(email.TextBody, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(email.HtmlBody, MediaTypeNames.Text.Html));
        return message;
    }

    /// <summary>The same for every attempt at one e-mail, so a resend after a timeout is recognisably the same message.</summary>
    public static string MessageId(Guid id, string senderDomain) => $"<{id:N}@{senderDomain}>";

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
