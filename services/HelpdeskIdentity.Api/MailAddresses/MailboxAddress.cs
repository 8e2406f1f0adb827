namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// A sender mailbox after parsing and normalisation: the local part lower-cased (NFC), the domain
/// lower-cased and in its ASCII (IDNA A-label) form, and the display name decoded.
/// </summary>
public sealed record MailboxAddress(string? DisplayName, string LocalPart, string Domain, string UnicodeDomain)
{
    /// <summary>The canonical address accounts are keyed on: <c>local@ascii-domain</c>.</summary>
    public string Address => $"{LocalPart}@{Domain}";

    /// <summary>The address as people read it: <c>local@unicode-domain</c>.</summary>
    public string DisplayAddress => $"{LocalPart}@{UnicodeDomain}";
}
