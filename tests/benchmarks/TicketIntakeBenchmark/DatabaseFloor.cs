using HelpdeskIdentity.Api.Tickets;
using Npgsql;

namespace TicketIntakeBenchmark;

/// <summary>
/// The least any exactly-once intake must do, and nothing more: one durable row per ticket id, so a redelivery counts
/// once, committed in the service's own group commits (<see cref="GroupCommit{TItem, TResult}"/> with the service's
/// defaults, 250 tickets a transaction, 4 at once) before the message is acknowledged. No account, no event, no audit
/// row. The floor consumer beside the bare bus awaits it, so the two differ by this database write alone: how fast the
/// floor runs against the bare bus bounds the ratio any intake with a database can reach on this machine.
/// </summary>
internal sealed class DatabaseFloor : IAsyncDisposable
{
    // A table of the benchmark's own in the service's database: a durable, logged heap with a primary key, as
    // ingested_tickets is. Emptied at each start, dropped at the end.
    private const string Create = """
        CREATE TABLE IF NOT EXISTS bench_intake_floor (ticket_id text PRIMARY KEY);
        TRUNCATE bench_intake_floor;
        """;
    private const string Drop = "DROP TABLE IF EXISTS bench_intake_floor";
    private const string Claim = """
        INSERT INTO bench_intake_floor (ticket_id) SELECT t FROM unnest(@ids::text[]) AS t ORDER BY t ON CONFLICT DO NOTHING
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommit<string, bool> _commits;

    private DatabaseFloor(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _commits = new GroupCommit<string, bool>(CommitAsync, maxBatch: 250, maxCommits: 4);
    }

    public static async Task<DatabaseFloor> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "ticket-intake-benchmark-floor" };
        var dataSource = NpgsqlDataSource.Create(builder);
        await using var command = dataSource.CreateCommand(Create);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new DatabaseFloor(dataSource);
    }

    /// <summary>Returns once the ticket's id is committed.</summary>
    public Task<bool> RecordAsync(string ticketId) => _commits.AddAsync(ticketId);

    public async ValueTask DisposeAsync()
    {
        await using (var command = _dataSource.CreateCommand(Drop))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }

    private async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<string> ticketIds)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(Claim, connection, transaction))
        {
            command.Parameters.AddWithValue("ids", ticketIds.ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return [.. ticketIds.Select(_ => true)];
    }
}
