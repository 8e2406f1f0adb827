namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The <c>sessions</c> table: one row per browser sign-in (docs/decisions/0024-server-side-sessions.md).</summary>
public interface ISessionStore
{
    Task CreateAsync(ServerSession session, CancellationToken cancellationToken);

    /// <summary>
    /// The account's security stamp when the session is live (its row exists for this account, not revoked, before
    /// its absolute end), or null. Notes the session as seen when it was last noted more than a minute ago.
    /// </summary>
    Task<string?> CheckAsync(string sessionId, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The account's live sessions, most recently seen first.</summary>
    Task<IReadOnlyList<ServerSession>> ListAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes the account's sessions (all, or all but <paramref name="keepSessionId"/>); returns the ids it revoked.</summary>
    Task<IReadOnlyList<string>> RevokeAsync(Guid accountId, string? onlySessionId, string? keepSessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes sessions past their end or revoked, a day after.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
