namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>Whether an address without an account may register itself, and if not, why (the e-mail says which).</summary>
public enum RegistrationVerdict
{
    Allowed,

    /// <summary><c>Registration:Mode</c> is <c>closed</c>.</summary>
    Closed,

    /// <summary>A public mail provider's address, in <c>known-domains</c> mode.</summary>
    PublicProvider,

    /// <summary>No organisation owns the domain (subdomains count only when listed), in <c>known-domains</c> mode.</summary>
    UnknownOrganization,

    /// <summary>The domain's organisation has self-registration switched off.</summary>
    OrganizationRefuses,

    /// <summary>
    /// An address intake would skip too (<see cref="SenderFilter"/>: no-reply, mailer-daemon, the helpdesk's own, the deny
    /// lists): it never gets an account, and is sent nothing, so no mail goes to a robot or loops back to the helpdesk.
    /// </summary>
    NotAPerson,
}
