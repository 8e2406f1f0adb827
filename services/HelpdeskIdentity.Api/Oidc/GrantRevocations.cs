using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// The one place that ends what the provider issued to a person, in one call each: everything granted
/// in one browser session (<c>sid</c>: sign-out, end-session), or everything of one account (password or
/// address changed, an administrator's action). Their OpenIddict authorizations are revoked with every code and
/// refresh token under them, so nothing minted just before can start a new chain after, and userinfo and
/// introspection refuse the access tokens those authorizations were issued (APIs that check JWTs offline see them
/// expire on their own).
/// </summary>
public sealed class GrantRevocations(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // The session's own grants and those it carries from the earlier sessions of its browser (docs/decisions/0061).
    private const string RevokeSession = """
        WITH ended AS (
            UPDATE openiddict_authorizations SET status = 'revoked'
            WHERE subject = @subject_id AND status <> 'revoked'
              AND (session_id = @session_id
                   OR session_id = ANY (coalesce((SELECT carried_session_ids FROM sessions WHERE id = @session_id), '{}')))
            RETURNING id)
        UPDATE openiddict_tokens SET status = 'revoked'
        WHERE authorization_id IN (SELECT id FROM ended) AND status IN ('valid', 'inactive');
        """;

    private const string RevokeAccount = """
        UPDATE openiddict_authorizations SET status = 'revoked' WHERE subject = @subject_id AND status <> 'revoked';
        UPDATE openiddict_tokens SET status = 'revoked'
        WHERE subject = @subject_id AND status IN ('valid', 'inactive');
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
