using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Email;

/// <summary>
/// Development delivery: each e-mail becomes <c>&lt;utc-timestamp&gt;-&lt;message id&gt;.eml</c> in
/// <c>Email:PickupDirectory</c>, written to a private temporary folder first and then moved in, so
/// a reader never sees half a file. An id that already has a file is not written again.
/// </summary>
public sealed class PickupEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public string Name => "pickup";

    public static string? FindFile(string directory, Guid id) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, $"*-{id}.eml").FirstOrDefault() : null;

    public async Task SendAsync(EmailOutboxEntry email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = Path.GetFullPath(settings.PickupDirectory);
        Directory.CreateDirectory(directory);
        if (FindFile(directory, email.Id) is not null)
        {
            return;
        }

        var staging = Path.Combine(directory, ".staging", email.Id.ToString());
        Directory.CreateDirectory(staging);
        try
        {
            using var message = MailMessageFactory.Create(email, settings.From);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging };
            await client.SendMailAsync(message, cancellationToken);
            var written = Directory.EnumerateFiles(staging).Single();
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
            File.Move(written, Path.Combine(directory, $"{stamp}-{email.Id}.eml"));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
