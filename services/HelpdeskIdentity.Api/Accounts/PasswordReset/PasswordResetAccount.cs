namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>The account a forgot-password request names: where the link goes, and how to greet its owner.</summary>
public sealed record PasswordResetAccount(Guid Id, string Email, string? DisplayName, bool EmailConfirmed)
{
    /// <summary>
    /// The name to greet with: only once the owner proved the mailbox. Before that the name is whatever a ticket's
    /// (forgeable) From header said, and e-mails under our brand must not carry someone else's words.
    /// </summary>
    public string? GreetingName => EmailConfirmed ? DisplayName : null;
}
