using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>The <c>sessions</c> table: one row per browser sign-in (docs/decisions/0024-server-side-sessions.md).</summary>
/// <remarks>Hand-written SQL: the check on every request is one statement, one round trip.</remarks>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    // A new row. With @replaced (this browser's live session of the same account), that row ends in the same statement
    // and the new one carries its grants and whatever it carried (docs/decisions/0061); returns whether it did.
    private const string Insert = """
        WITH handed AS (
            UPDATE sessions SET revoked_at = @now
            WHERE id = @replaced AND account_id = @account_id AND revoked_at IS NULL AND expires_at > @now
            RETURNING array_append(carried_session_ids, id) AS carried)
        INSERT INTO sessions (id, account_id, created_at, last_seen_at, expires_at, persistent, user_agent, carried_session_ids)
        VALUES (@id, @account_id, @now, @now, @expires_at, @persistent, @user_agent, coalesce((SELECT carried FROM handed), '{}'))
        RETURNING cardinality(carried_session_ids) > 0
        """;

    // Live: the row is this account's, not revoked, before its end. last_seen_at is written at most once a minute.
    private const string Check = """
        WITH seen AS (
            UPDATE sessions SET last_seen_at = @now
            WHERE id = @id AND account_id = @account_id AND revoked_at IS NULL AND expires_at > @now AND last_seen_at < @stale)
        SELECT u.security_stamp FROM sessions s JOIN users u ON u.id = s.account_id
        WHERE s.id = @id AND s.account_id = @account_id AND s.revoked_at IS NULL AND s.expires_at > @now
        """;

    private const string List = """
        SELECT id, account_id, created_at, last_seen_at, expires_at, persistent, user_agent FROM sessions
        WHERE account_id = @account_id AND revoked_at IS NULL AND expires_at > @now
        ORDER BY last_seen_at DESC, created_at DESC
        """;

    private const string Revoke = """
        UPDATE sessions SET revoked_at = @now
        WHERE account_id = @account_id AND revoked_at IS NULL
          AND (@only::text IS NULL OR id = @only) AND (@keep::text IS NULL OR id <> @keep)
        RETURNING id
        """;

    // A row that carries earlier sessions' grants and ended on its own (not revoked: revoking ended them) is what
    // finds those grants for a later logout, so it stays as long as they can live (docs/decisions/0061).
    private const string Prune = """
        DELETE FROM sessions
        WHERE revoked_at < @cutoff
           OR (revoked_at IS NULL AND expires_at < @cutoff AND (cardinality(carried_session_ids) = 0 OR expires_at < @carrier_cutoff))
        """;

    /// <summary>
    /// Records a new session; with <paramref name="handOverFrom"/>, this browser's live session of the same account ends
    /// in the same statement and the new one carries its grants. True when it did (the old one was still live).
    /// </summary>
    public async Task<bool> CreateAsync(ServerSession session, string? handOverFrom, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<bool>(connection, Insert, cancellationToken, ("id", session.Id), ("account_id", session.AccountId),
            ("now", session.CreatedAt), ("expires_at", session.ExpiresAt), ("persistent", session.Persistent), ("user_agent", session.UserAgent),
            ("replaced", handOverFrom));
    }

    /// <summary>
    /// The account's security stamp when the session is live (its row exists for this account, not revoked, before
    /// its absolute end), or null. Notes the session as seen when it was last noted more than a minute ago.
    /// </summary>
    public async Task<string?> CheckAsync(string sessionId, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ScalarAsync<string>(connection, Check, cancellationToken,
            ("id", sessionId), ("account_id", accountId), ("now", now), ("stale", now - SeenGranularity));
    }

    /// <summary>The account's live sessions, most recently seen first.</summary>
    public async Task<IReadOnlyList<ServerSession>> ListAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, List, ("account_id", accountId), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<ServerSession>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new ServerSession(reader.GetString(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetBoolean(5), reader.GetString(6)));
        }

        return sessions;
    }

    /// <summary>Revokes the account's sessions (all, or all but <paramref name="keepSessionId"/>); returns the ids it revoked.</summary>
    public async Task<IReadOnlyList<string>> RevokeAsync(Guid accountId, string? onlySessionId, string? keepSessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, Revoke, ("account_id", accountId), ("only", onlySessionId), ("keep", keepSessionId), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var revoked = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revoked.Add(reader.GetString(0));
        }

        return revoked;
    }

    /// <summary>
    /// Deletes sessions past their end or revoked, a day after — one that carries earlier sessions' grants and ended on
    /// its own only once <paramref name="grantsLiveFor"/> (the longest refresh chain) has passed too.
    /// </summary>
    public Task<int> PruneAsync(DateTimeOffset now, TimeSpan grantsLiveFor, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, Prune, cancellationToken, ("cutoff", now - TimeSpan.FromDays(1)), ("carrier_cutoff", now - grantsLiveFor - TimeSpan.FromDays(1)));
}
