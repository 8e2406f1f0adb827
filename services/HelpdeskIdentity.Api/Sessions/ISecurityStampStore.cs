namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Reads an account's current security stamp: what a session is checked against.</summary>
public interface ISecurityStampStore
{
    /// <summary>The stamp, or null when the account does not exist (any more).</summary>
    Task<string?> FindAsync(Guid accountId, CancellationToken cancellationToken);
}
