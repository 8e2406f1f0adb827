namespace HelpdeskIdentity.Api.Accounts.SelfService;

/// <summary>What following an e-mail change link did.</summary>
public enum EmailChangeOutcome
{
    /// <summary>The account has the new address now.</summary>
    Changed,

    /// <summary>The link was used, voided or expired meanwhile: nothing changed.</summary>
    LinkInvalid,

    /// <summary>Another account took the address since the link was sent: nothing changed, the link still works.</summary>
    AddressTaken,
}
