namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// The account a forgot-password request names: where the link goes, how to greet its owner, and whether an operator
/// holds it (<see cref="Account.HeldByOperator"/>: then nothing is sent).
/// </summary>
public sealed record PasswordResetAccount(Guid Id, string Email, string? DisplayName, bool EmailConfirmed, bool HeldByOperator)
{
    /// <summary>
    /// The name to greet with: only once the owner proved the mailbox. Before that the name is whatever a ticket's
    /// (forgeable) From header said, and e-mails under our brand must not carry someone else's words.
    /// </summary>
    public string? GreetingName => EmailConfirmed ? DisplayName : null;
}
