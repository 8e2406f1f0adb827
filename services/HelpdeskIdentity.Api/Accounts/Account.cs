using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Identity;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// A person's account. Created unclaimed (no password, e-mail unverified) from a ticket's sender,
/// claimed later through the forgot-password flow. <see cref="IdentityUser{TKey}.NormalizedEmail"/>
/// holds the canonical address (<see cref="MailboxAddress.Address"/>) and is unique.
/// </summary>
public class Account : IdentityUser<Guid>
{
    /// <summary>The name the owner typed or confirmed: the only name used in e-mails, claims and pages.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// A name a ticket's From header suggested (anyone can forge one): shown to the owner to confirm or edit, never
    /// used until then.
    /// </summary>
    public string? SuggestedDisplayName { get; set; }

    public Guid? OrganizationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FirstTicketAt { get; set; }

    public DateTimeOffset? LastTicketAt { get; set; }

    public int TicketCount { get; set; }

    /// <summary>The language (en, nl, de, sv) this person last used on our pages; e-mails are written in it.</summary>
    public string? Language { get; set; }

    /// <summary>When an operator disabled the account (it cannot sign in); null while it is enabled.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// The time step (Unix seconds ÷ 30) of the last authenticator code accepted; a code of this step or an earlier one
    /// is refused (<see cref="TwoFactor.OneUseAuthenticatorCodes"/>). Written only by that check, with one conditional UPDATE.
    /// </summary>
    public long? AuthenticatorLastStep { get; set; }
}
