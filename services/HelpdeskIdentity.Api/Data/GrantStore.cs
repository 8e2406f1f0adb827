using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Oidc.Grants;
using Npgsql;

namespace HelpdeskIdentity.Api.Data;

/// <summary>
/// Codes and refresh tokens in PostgreSQL. Each spend is one conditional UPDATE, so of two racing
/// requests exactly one wins; the loser is treated as a replay.
/// </summary>
internal sealed class GrantStore(NpgsqlDataSource dataSource, GrantRevocations revocations, AuditTrail audit, TimeProvider clock) : IGrantStore
{
    private const string InsertCode = """
        INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, subject_id, session_id, authenticated_at, scopes, nonce, code_challenge, expires_at, amr)
        VALUES (@code_hash, @client_id, @redirect_uri, @subject_id, @session_id, @authenticated_at, @scopes, @nonce, @code_challenge, @expires_at, @amr)
        """;

    private const string FindCode = """
        SELECT client_id, redirect_uri, subject_id, session_id, authenticated_at, scopes, nonce, code_challenge, expires_at, amr
        FROM authorization_codes WHERE code_hash = @code_hash AND client_id = @client_id
        """;

    private const string SpendCode = """
        UPDATE authorization_codes SET consumed_at = @now
        WHERE code_hash = @code_hash AND client_id = @client_id AND consumed_at IS NULL AND expires_at > @now
        """;

    // A spent code presented again: mark it, and revoke whatever its first use was given.
    private const string ReplayCode = """
        WITH replayed AS (
            UPDATE authorization_codes SET replayed_at = coalesce(replayed_at, @now)
            WHERE code_hash = @code_hash AND client_id = @client_id AND consumed_at IS NOT NULL
            RETURNING access_token_id, access_token_expires_at, refresh_family_id, subject_id, client_id, session_id),
        access AS (
            INSERT INTO revoked_tokens (token_id, expires_at)
            SELECT access_token_id, access_token_expires_at FROM replayed WHERE access_token_id IS NOT NULL
            ON CONFLICT (token_id) DO NOTHING),
        family AS (
            UPDATE refresh_tokens SET revoked_at = @now
            WHERE family_id IN (SELECT refresh_family_id FROM replayed) AND revoked_at IS NULL)
        SELECT subject_id, client_id, session_id FROM replayed
        """;

    private const string RecordTokens = """
        UPDATE authorization_codes SET access_token_id = @access_token_id, access_token_expires_at = @access_token_expires_at, refresh_family_id = @refresh_family_id
        WHERE code_hash = @code_hash
        RETURNING replayed_at IS NOT NULL
        """;

    private const string InsertRefresh = """
        INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject_id, session_id, authenticated_at, scopes, created_at, expires_at, family_expires_at)
        VALUES (@token_hash, @family_id, @client_id, @subject_id, @session_id, @authenticated_at, @scopes, @now, @expires_at, @family_expires_at)
        """;

    // Spend and replace in one statement: a successor exists if and only if its predecessor was spent.
    private const string RotateRefresh = """
        WITH spent AS (
            UPDATE refresh_tokens SET consumed_at = @now
            WHERE token_hash = @token_hash AND client_id = @client_id AND consumed_at IS NULL AND revoked_at IS NULL AND expires_at > @now
              AND scopes @> @requested_scopes
            RETURNING family_id, client_id, subject_id, session_id, authenticated_at, scopes, family_expires_at)
        INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject_id, session_id, authenticated_at, scopes, created_at, expires_at, family_expires_at)
        SELECT @successor_hash, family_id, client_id, subject_id, session_id, authenticated_at, scopes, @now, LEAST(@sliding_expires_at, family_expires_at), family_expires_at
        FROM spent
        RETURNING family_id, client_id, subject_id, session_id, authenticated_at, scopes, expires_at, family_expires_at
        """;

    // A spent refresh token presented again: revoke the whole family (RFC 9700 §4.14.2).
    private const string ReuseRefresh = """
        WITH revoked AS (
            UPDATE refresh_tokens SET revoked_at = @now
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @token_hash AND consumed_at IS NOT NULL) AND revoked_at IS NULL
            RETURNING subject_id, client_id, session_id)
        SELECT subject_id, client_id, session_id FROM revoked LIMIT 1
        """;

    // After a refused rotation: a live token whose only fault was the scope it asked for.
    private const string GrantedScopes = """
        SELECT scopes FROM refresh_tokens
        WHERE token_hash = @token_hash AND client_id = @client_id AND consumed_at IS NULL AND revoked_at IS NULL AND expires_at > @now
        """;

    private const string RevokeFamily = """
        UPDATE refresh_tokens SET revoked_at = @now
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @token_hash AND client_id = @client_id) AND revoked_at IS NULL
        """;

    private const string Prune = """
        DELETE FROM authorization_codes WHERE expires_at < @now - interval '1 day';
        DELETE FROM refresh_tokens WHERE family_expires_at < @now OR revoked_at < @now - interval '1 day';
        """;

    public Task StoreCodeAsync(AuthorizationCode code, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, InsertCode, cancellationToken,
            ("code_hash", code.CodeHash), ("client_id", code.ClientId), ("redirect_uri", code.RedirectUri), ("subject_id", code.SubjectId),
            ("session_id", code.SessionId), ("authenticated_at", code.AuthenticatedAt), ("scopes", code.Scopes.ToArray()), ("nonce", code.Nonce),
            ("code_challenge", code.CodeChallenge), ("expires_at", code.ExpiresAt), ("amr", (code.Methods ?? []).ToArray()));

    public async Task<AuthorizationCode?> FindCodeAsync(string codeHash, string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var find = Sql.Command(connection, FindCode, ("code_hash", codeHash), ("client_id", clientId));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuthorizationCode(codeHash, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<string[]>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<string[]>(9))
            : null;
    }

    public async Task<bool> SpendCodeAsync(string codeHash, string clientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await Sql.ExecuteAsync(connection, SpendCode, cancellationToken, ("now", now), ("code_hash", codeHash), ("client_id", clientId)) == 1)
        {
            return true;
        }

        await RevokeReplayedAsync(connection, ReplayCode, "code", cancellationToken, ("now", now), ("code_hash", codeHash), ("client_id", clientId));
        return false;
    }

    public async Task RecordCodeTokensAsync(string codeHash, string clientId, string accessTokenId, DateTimeOffset accessTokenExpiresAt, Guid? refreshFamilyId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var replayedMeanwhile = await Sql.ScalarAsync<bool>(connection, RecordTokens, cancellationToken, ("code_hash", codeHash),
            ("access_token_id", accessTokenId), ("access_token_expires_at", accessTokenExpiresAt), ("refresh_family_id", refreshFamilyId));
        if (replayedMeanwhile)
        {
            await RevokeReplayedAsync(connection, ReplayCode, "code", cancellationToken, ("now", clock.GetUtcNow()), ("code_hash", codeHash), ("client_id", clientId));
        }
    }

    public Task StoreRefreshTokenAsync(RefreshToken token, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, InsertRefresh, cancellationToken,
            ("token_hash", token.TokenHash), ("family_id", token.FamilyId), ("client_id", token.ClientId), ("subject_id", token.SubjectId),
            ("session_id", token.SessionId), ("authenticated_at", token.AuthenticatedAt), ("scopes", token.Scopes.ToArray()), ("now", clock.GetUtcNow()),
            ("expires_at", token.ExpiresAt), ("family_expires_at", token.FamilyExpiresAt));

    public async Task<RefreshTokenUse> RotateRefreshTokenAsync(string tokenHash, string clientId, IReadOnlyCollection<string> requestedScopes, string successorHash,
        DateTimeOffset now, DateTimeOffset slidingExpiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var rotate = Sql.Command(connection, RotateRefresh, ("now", now), ("token_hash", tokenHash), ("client_id", clientId),
            ("requested_scopes", requestedScopes.ToArray()), ("successor_hash", successorHash), ("sliding_expires_at", slidingExpiresAt)))
        await using (var reader = await rotate.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new RefreshTokenUse(RefreshTokenUseResult.Accepted, new RefreshToken(successorHash, reader.GetGuid(0), reader.GetString(1),
                    reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<string[]>(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        if (await RevokeReplayedAsync(connection, ReuseRefresh, "refresh_token", cancellationToken, ("now", now), ("token_hash", tokenHash)))
        {
            return new RefreshTokenUse(RefreshTokenUseResult.ReuseDetected, null);
        }

        return await Sql.ScalarAsync<string[]>(connection, GrantedScopes, cancellationToken, ("now", now), ("token_hash", tokenHash), ("client_id", clientId)) is { } granted
            ? new RefreshTokenUse(RefreshTokenUseResult.ScopeNotGranted, null, granted)
            : new RefreshTokenUse(RefreshTokenUseResult.Invalid, null);
    }

    public Task RevokeRefreshTokenAsync(string tokenHash, string clientId, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, RevokeFamily, cancellationToken, ("now", clock.GetUtcNow()), ("token_hash", tokenHash), ("client_id", clientId));

    public Task RevokeSessionAsync(string subjectId, string sessionId, CancellationToken cancellationToken) =>
        revocations.RevokeSessionAsync(subjectId, sessionId, cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("now", now));

    /// <summary>Runs a replay statement (it returns the replayed grant's subject, client and session, if any) and audits a replay, in one transaction.</summary>
    private async Task<bool> RevokeReplayedAsync(NpgsqlConnection connection, string sql, string what, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        (string Subject, string Client, string Session)? replayed = null;
        await using (var command = Sql.Command(connection, sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                replayed = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }

        if (replayed is { } grant)
        {
            await audit.RecordAsync(new AuditEntry(AuditEventTypes.TokenReplayDetected, Guid.TryParse(grant.Subject, out var id) ? id : null,
                Succeeded: false, Detail: what, ClientId: grant.Client, SessionId: grant.Session), connection, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return replayed is not null;
    }
}
