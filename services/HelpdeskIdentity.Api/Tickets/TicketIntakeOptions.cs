using HelpdeskIdentity.Api.Accounts;

using HelpdeskIdentity.Api.MailAddresses;
namespace HelpdeskIdentity.Api.Tickets;

/// <summary>Configuration section <c>Tickets</c>: senders that never get an account.</summary>
public sealed class TicketIntakeOptions
{
    public const string Section = "Tickets";

    /// <summary>The helpdesk's own addresses (a ticket "from" them is a loop, not a requester).</summary>
    public List<string> HelpdeskAddresses { get; set; } = [];

    /// <summary>The helpdesk's own domains; subdomains included.</summary>
    public List<string> HelpdeskDomains { get; set; } = [];

    public List<string> DeniedAddresses { get; set; } = [];

    /// <summary>Denied domains; subdomains included.</summary>
    public List<string> DeniedDomains { get; set; } = [];

    /// <summary>
    /// How long a ticket id is remembered, so a redelivered ticket is not counted twice. After that the id is
    /// forgotten: a redelivery that late would count the ticket again — never a second account.
    /// </summary>
    public TimeSpan RememberTicketIdsFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Most tickets one intake transaction takes (decision 0042): under load, whatever arrived while the previous
    /// transactions ran, up to this many. <c>RabbitMq:ConcurrentMessageLimit</c> bounds it too: a group is made of
    /// tickets being consumed at once.
    /// </summary>
    public int MaxTicketsPerTransaction { get; set; } = 250;

    /// <summary>Intake transactions at once per instance; a ticket that arrives while all run waits for the next.</summary>
    public int MaxTransactions { get; set; } = 4;

    /// <summary>Every configured entry must itself parse as an address or a domain; one message per bad entry.</summary>

    internal IEnumerable<string> Problems()
    {
        if (RememberTicketIdsFor < TimeSpan.FromDays(1) || RememberTicketIdsFor > TimeSpan.FromDays(3650))
        {
            yield return $"{Section}:{nameof(RememberTicketIdsFor)} must be between 1 day and 10 years.";
        }

        if (MaxTicketsPerTransaction is < 1 or > 1000)
        {
            yield return $"{Section}:{nameof(MaxTicketsPerTransaction)} must be between 1 and 1000.";
        }

        if (MaxTransactions is < 1 or > 32)
        {
            yield return $"{Section}:{nameof(MaxTransactions)} must be between 1 and 32.";
        }

        var addresses = new[] { (nameof(HelpdeskAddresses), HelpdeskAddresses), (nameof(DeniedAddresses), DeniedAddresses) };
        foreach (var (key, list) in addresses)
        {
            foreach (var entry in list.Where(e => !MailboxParser.Parse(e).IsValid))
            {
                yield return $"{Section}:{key} entry '{entry}' is not an e-mail address.";
            }
        }

        var domains = new[] { (nameof(HelpdeskDomains), HelpdeskDomains), (nameof(DeniedDomains), DeniedDomains) };
        foreach (var (key, list) in domains)
        {
            foreach (var entry in list.Where(e => !MailboxParser.Parse("x@" + e).IsValid))
            {
                yield return $"{Section}:{key} entry '{entry}' is not a domain name.";
            }
        }
    }
}
