using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// The one place that ends what the provider issued to a person, in one call each: everything granted
/// in one browser session (<c>sid</c>: sign-out, end-session), or everything of one account (password or
/// address changed, an administrator's action). Refresh tokens are revoked and codes not yet exchanged
/// are spent, so nothing minted just before can start a new chain after; access tokens are short-lived
/// JWTs and expire on their own.
/// </summary>
public sealed class GrantRevocations(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string RevokeSession = """
        UPDATE refresh_tokens SET revoked_at = @now WHERE subject_id = @subject_id AND session_id = @session_id AND revoked_at IS NULL;
        UPDATE authorization_codes SET consumed_at = @now WHERE subject_id = @subject_id AND session_id = @session_id AND consumed_at IS NULL;
        """;

    private const string RevokeAccount = """
        UPDATE refresh_tokens SET revoked_at = @now WHERE subject_id = @subject_id AND revoked_at IS NULL;
        UPDATE authorization_codes SET consumed_at = @now WHERE subject_id = @subject_id AND consumed_at IS NULL;
        """;

    /// <summary>Everything issued in the browser session <paramref name="sessionId"/> of <paramref name="subjectId"/>.</summary>
    public Task RevokeSessionAsync(string subjectId, string sessionId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, RevokeSession, cancellationToken, ("now", clock.GetUtcNow()), ("subject_id", subjectId), ("session_id", sessionId));

    /// <summary>Everything issued to the account, in every session.</summary>
    public Task RevokeAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, RevokeAccount, cancellationToken, ("now", clock.GetUtcNow()), ("subject_id", accountId.ToString()));

    /// <summary>The same, inside the caller's transaction (the change that calls for it commits with it, or neither does).</summary>
    public Task RevokeAccountAsync(NpgsqlConnection connection, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, RevokeAccount, cancellationToken, ("now", now), ("subject_id", accountId.ToString()));
}
