using System.Globalization;
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

        var staging = Path.Combine(directory, ".staging");
        Directory.CreateDirectory(staging);
        var written = Path.Combine(staging, $"{email.Id}.eml");
        try
        {
            using var message = MimeMessageFactory.Create(email, settings.From);
            await message.WriteToAsync(written, cancellationToken);
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
            File.Move(written, Path.Combine(directory, $"{stamp}-{email.Id}.eml"));
        }
        finally
        {
            File.Delete(written);
        }
    }
}
