using System.Diagnostics;
using Npgsql;

namespace TicketIntakeBenchmark;

/// <summary>Reads from the service's database what it has committed: ingested ticket ids, accounts, the outbox.</summary>
internal sealed class IngestionProbe : IAsyncDisposable
{
    // The LIKE decides; the range only lets the primary key's index find the run's rows (ids are
    // prefix + digits, inside these bounds under any collation) so polling does not scan every run's.
    private const string RunTickets = "ticket_id BETWEEN @low AND @high AND ticket_id LIKE @pattern";
    private const string CountIngested = $"SELECT count(*) FROM ingested_tickets WHERE {RunTickets}";
    private const string ReadIngested = $"SELECT ticket_id, ingested_at FROM ingested_tickets WHERE {RunTickets}";
    private const string CountAccounts = """
        SELECT count(*), count(*) FILTER (WHERE ticket_count = 2) FROM users WHERE normalized_email LIKE @pattern
        """;
    private const string CountUnpublishedOutbox = "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL";

    // Each count reads the run's rows (~15 ms for 20,000 on the service's PostgreSQL): polled once a second, so the
    // benchmark's own queries take little from the service it measures. The figures come from the commit stamps, not
    // from when a poll saw them.
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource _dataSource;

    private IngestionProbe(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <exception cref="BenchmarkException">The database is unreachable or has no schema yet.</exception>
    public static async Task<IngestionProbe> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "ticket-intake-benchmark" };
        var probe = new IngestionProbe(NpgsqlDataSource.Create(builder));
        try
        {
            await using var command = probe._dataSource.CreateCommand("SELECT 1 FROM ingested_tickets LIMIT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return probe;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await probe.DisposeAsync();
            throw new BenchmarkException(
                $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database} is not usable ({ex.Message}); is deploy/local/run.sh still running?");
        }
    }

    /// <summary>Polls until every ticket of the plan is committed; progress goes to stderr.</summary>
    public async Task WaitForAllAsync(string phase, TicketPlan plan, CancellationToken cancellationToken)
    {
        var sinceReport = Stopwatch.StartNew();
        while (true)
        {
            var committed = await CountIngestedAsync(plan, cancellationToken);
            if (committed >= plan.Count)
            {
                return;
            }

            if (sinceReport.Elapsed >= ReportEvery)
            {
                await Console.Error.WriteLineAsync($"{phase}: {committed:N0} of {plan.Count:N0} tickets committed…");
                sinceReport.Restart();
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    public async Task<long> CountIngestedAsync(TicketPlan plan, CancellationToken cancellationToken)
    {
        await using var command = RunCommand(CountIngested, plan);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Each ticket's commit-side clock reading, by its index in the plan.</summary>
    public async Task<DateTime[]> ReadIngestedAtAsync(TicketPlan plan, CancellationToken cancellationToken)
    {
        var ingestedAt = new DateTime[plan.Count];
        await using var command = RunCommand(ReadIngested, plan);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ingestedAt[plan.IndexOf(reader.GetString(0))] = reader.GetFieldValue<DateTime>(1);
        }

        return ingestedAt;
    }

    public async Task<AccountCheck> CheckAccountsAsync(TicketPlan plan, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CountAccounts);
        command.Parameters.AddWithValue("pattern", $"%@{plan.SenderDomain}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AccountCheck(plan.Senders, reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Waits (up to <paramref name="limit"/>) for the service to publish the accounts it announced; false if it did not.</summary>
    public async Task<bool> WaitForOutboxDrainedAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            await using var command = _dataSource.CreateCommand(CountUnpublishedOutbox);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return true;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }

        return false;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private NpgsqlCommand RunCommand(string sql, TicketPlan plan)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("low", plan.TicketIdPrefix + "0");
        command.Parameters.AddWithValue("high", plan.TicketIdPrefix + "9999999999");
        command.Parameters.AddWithValue("pattern", plan.TicketIdPrefix + "%");
        return command;
    }
}
