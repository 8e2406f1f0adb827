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

    /// <summary>
    /// Wrong second-factor codes in a row, and the lockout they started — apart from the password's (Identity's
    /// <c>AccessFailedCount</c>/<c>LockoutEnd</c>), so guessing one authenticator does not lock the other
    /// (docs/decisions/0062). Written only by <see cref="TwoFactor.SecondFactorCheck"/> and an operator's unlock, with single UPDATEs.
    /// </summary>
    public int SecondFactorFailedCount { get; set; }

    /// <inheritdoc cref="SecondFactorFailedCount"/>
    public DateTimeOffset? SecondFactorLockoutEnd { get; set; }

    /// <summary>
    /// Identity's lockout end for an operator's lock, "until an operator unlocks" (docs/decisions/0055): a lockout after
    /// failed attempts ends within a day, so an end this late is always the operator's.
    /// </summary>
    public static readonly DateTimeOffset LockedForever = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether an operator holds the account — disabled, or locked until unlocked: no sign-in, link, code or token (docs/decisions/0055).</summary>
    public bool HeldByOperator => DisabledAt is not null || LockoutEnd >= LockedForever;
}
