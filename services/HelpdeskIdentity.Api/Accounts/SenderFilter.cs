using System.Text.RegularExpressions;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Tickets;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Decides which senders are not people and so never get an account.</summary>
public sealed partial class SenderFilter
{
    private readonly HashSet<string> _helpdeskAddresses;
    private readonly string[] _helpdeskDomains;
    private readonly HashSet<string> _deniedAddresses;
    private readonly string[] _deniedDomains;

    public SenderFilter(IOptions<TicketIntakeOptions> options)
    {
        var o = options.Value;
        _helpdeskAddresses = Addresses(o.HelpdeskAddresses);
        _helpdeskDomains = Domains(o.HelpdeskDomains);
        _deniedAddresses = Addresses(o.DeniedAddresses);
        _deniedDomains = Domains(o.DeniedDomains);
    }

    /// <summary>The reason to skip this sender (a metric tag), or null for a person.</summary>
    public string? SkipReason(MailboxAddress sender)
    {
        if (MailSystemLocalPart().IsMatch(sender.LocalPart))
        {
            return "mail-system";
        }

        if (NoReplyLocalPart().IsMatch(sender.LocalPart))
        {
            return "no-reply";
        }

        if (_helpdeskAddresses.Contains(sender.Address) || InDomains(_helpdeskDomains, sender.Domain))
        {
            return "helpdesk-address";
        }

        return _deniedAddresses.Contains(sender.Address) || InDomains(_deniedDomains, sender.Domain) ? "deny-list" : null;
    }

    private static bool InDomains(string[] domains, string domain) =>
        domains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));

    private static HashSet<string> Addresses(IEnumerable<string> entries) =>
        entries.Select(e => MailboxParser.Parse(e).Mailbox?.Address).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string[] Domains(IEnumerable<string> entries) =>
        entries.Select(e => MailboxParser.Parse("x@" + e).Mailbox?.Domain).OfType<string>().ToArray();

    // mailer-daemon, postmaster, bounce addresses (also VERP: bounces-123@, bounces+123@): the mail system, never a person.
    [GeneratedRegex(@"^((mailer[-_.]?daemon|postmaster|mail[-_.]?delivery[-_.]?subsystem)(\+.*)?|bounces?([+-].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex MailSystemLocalPart();

    // noreply, no-reply, no_reply, donotreply, do-not-reply, do.not.reply, with or without a +tag or suffix.
    [GeneratedRegex(@"^(no|do[-_.]?not)[-_.]?reply([+\-_.].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoReplyLocalPart();
}
