using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Api.Data;
using Npgsql;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// Fixed-window counters in PostgreSQL, shared by every instance of the service (migration 0015,
/// docs/decisions/0030-scaled-out.md): one upsert per limited request and key. A key's window starts
/// at its first request and is kept in the row, so every instance counts into the same window.
/// </summary>
public sealed class RateLimitCounters(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // The row lock of the upsert orders concurrent requests for one key: each sees the count before it.
    private const string Count = """
        INSERT INTO rate_limit_counters AS c (key_hash, window_ends_at, count) VALUES (@key, @ends, 1)
        ON CONFLICT (key_hash) DO UPDATE SET
            count = CASE WHEN c.window_ends_at <= @now THEN 1 ELSE c.count + 1 END,
            window_ends_at = CASE WHEN c.window_ends_at <= @now THEN excluded.window_ends_at ELSE c.window_ends_at END
        RETURNING count, window_ends_at
        """;

    /// <summary>Counts one request for <paramref name="key"/>; its number in the window, and when the window ends.</summary>
    public async Task<(int Count, DateTimeOffset WindowEndsAt)> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, Count,
            ("key", SHA256.HashData(Encoding.UTF8.GetBytes(key))), ("ends", now + window), ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Deletes the counters of windows that have ended.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(dataSource, "DELETE FROM rate_limit_counters WHERE window_ends_at < @now", cancellationToken, ("now", clock.GetUtcNow()));

    public TimeProvider Clock => clock;
}
