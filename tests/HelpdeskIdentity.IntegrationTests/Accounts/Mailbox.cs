using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.IntegrationTests.Infrastructure;

namespace HelpdeskIdentity.IntegrationTests.Accounts;

/// <summary>Reads the e-mails a host delivered to its pickup folder.</summary>
public static partial class Mailbox
{
    /// <summary>Waits until at least <paramref name="count"/> e-mails to <paramref name="address"/> with this subject arrived; returns them all.</summary>
    public static async Task<List<EmlMessage>> WaitForAsync(IdentityHost host, string address, string subject, int count = 1)
    {
        List<EmlMessage> found = [];
        await Eventually.HoldsAsync(async () =>
        {
            found = await ReadAsync(host, address, subject);
            return found.Count >= count;
        }, $"{count} e-mail(s) \"{subject}\" to {address}");
        return found;
    }

    public static async Task<List<EmlMessage>> ReadAsync(IdentityHost host, string address, string subject)
    {
        if (!Directory.Exists(host.PickupDirectory))
        {
            return [];
        }

        var mails = new List<EmlMessage>();
        foreach (var file in Directory.GetFiles(host.PickupDirectory, "*.eml"))
        {
            var mail = EmlReader.Read(await File.ReadAllTextAsync(file));
            if (mail.Header("to").Contains(address, StringComparison.OrdinalIgnoreCase) && mail.Header("subject") == subject)
            {
                mails.Add(mail);
            }
        }

        return mails;
    }

    /// <summary>The set-password links in an e-mail's text, as local URLs.</summary>
    public static IEnumerable<string> Links(EmlMessage mail) =>
        SetPasswordLink().Matches(mail.Text ?? "").Select(m => "/account/set-password?token=" + m.Groups[1].Value);

    /// <summary>The links to <paramref name="path"/> in an e-mail's text, as local URLs with their whole query (ui_locales too).</summary>
    public static IEnumerable<string> LinksTo(EmlMessage mail, string path) =>
        AnyLink().Matches(mail.Text ?? "").Select(m => m.Groups[1].Value).Where(link => link.StartsWith(path + "?", StringComparison.Ordinal));

    [GeneratedRegex(@"https://id\.helpdesk\.test/account/set-password\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex SetPasswordLink();

    [GeneratedRegex(@"https://id\.helpdesk\.test(/[^\s?]+\?\S+)")]
    private static partial Regex AnyLink();
}
