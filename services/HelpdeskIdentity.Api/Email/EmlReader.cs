using MimeKit;

namespace HelpdeskIdentity.Api.Email;

/// <summary>Reads an <c>.eml</c> file (MimeKit) into what the dev mailbox and tests look at: decoded headers (the message's, then its body's) and the two parts.</summary>
public static class EmlReader
{
    public static EmlMessage Read(string eml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml));
        using var message = MimeMessage.Load(stream);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in message.Headers.Concat(message.Body?.Headers ?? []))
        {
            headers.TryAdd(header.Field.ToLowerInvariant(), header.Value.Trim());
        }

        return new EmlMessage(headers, message.TextBody, message.HtmlBody);
    }
}
