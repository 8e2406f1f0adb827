namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// Configuration section <c>Passkeys</c> (docs/decisions/0039): the WebAuthn relying party. Both default to the public
/// origin (<c>Oidc:Issuer</c>): its host is the relying-party id, and it is the one allowed origin.
/// </summary>
public sealed class PasskeyOptions
{
    public const string Section = "Passkeys";

    /// <summary>Whether passkeys are offered at all (sign-in, set-password, the account page).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The relying-party id: a registrable suffix of every origin's host (e.g. <c>helpdesk.example</c>). Empty: the issuer's host.</summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>The origins pages that use passkeys are served from (https, or http on localhost). Empty: the issuer's origin.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>How long a started registration or sign-in may take to finish (30 seconds to 10 minutes).</summary>
    public TimeSpan CeremonyLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
