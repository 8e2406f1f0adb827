using MimeKit;
using MimeKit.Text;

namespace HelpdeskIdentity.Api.Email;

/// <summary>The MIME form of an outbox e-mail (MimeKit): UTF-8 multipart/alternative, text then HTML, with a Message-ID from its id.</summary>
internal static class MimeMessageFactory
{
    /// <summary>Also on the message as a header, so a receiver or the dev mailbox can tell resends apart from new mails.</summary>
    public const string MessageIdHeader = "X-Hdid-Message-Id";

    public static MimeMessage Create(EmailOutboxEntry email, string from)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = MessageId(email.Id, sender.Domain),
            Body = new MultipartAlternative { Part(TextFormat.Plain, email.TextBody), Part(TextFormat.Html, email.HtmlBody) },
        };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Headers.Add(MessageIdHeader, email.Id.ToString());
        return message;
    }

    /// <summary>The same for every attempt at one e-mail, so a resend after a timeout is recognisably the same message (without the angle brackets).</summary>
    public static string MessageId(Guid id, string senderDomain) => $"{id:N}@{senderDomain}";

    private static TextPart Part(TextFormat format, string body)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText("utf-8", body);
        return part;
    }
}
