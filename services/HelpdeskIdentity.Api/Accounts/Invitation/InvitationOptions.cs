namespace HelpdeskIdentity.Api.Accounts.Invitation;

/// <summary>Configuration section <c>Accounts:Invitation</c>: the "your portal access is ready" e-mail to accounts created from a ticket.</summary>
public sealed class InvitationOptions
{
    /// <summary>Off by default: an account created from a ticket gets no e-mail until its owner asks for a link.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long the invitation's set-password (claim) link works (1 hour to 30 days).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
