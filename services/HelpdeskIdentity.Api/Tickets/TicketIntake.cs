using System.Diagnostics;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Invitation;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Organizations;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.Telemetry;
using HelpdeskIdentity.Contracts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// Account intake, the one class that owns its transaction (decision 0042). A sender that is not a person is
/// skipped. The other tickets go in group commits (<see cref="GroupCommit{TItem, TResult}"/>): one transaction
/// claims the tickets' ids, counts or creates each sender's account (and the organisation of its domain), invites,
/// writes RequesterAccountCreated and the audit rows, links the ticket ids to their accounts, commits, and signals
/// the outbox. Exactly one account per address comes from the unique index on <c>users.normalized_email</c>; a
/// ticket counts once because its id is claimed in <c>ingested_tickets</c> in the same transaction. Each ticket's
/// consumer awaits its own result and acknowledges its message only after that commit.
/// </summary>
public sealed partial class TicketIntake
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SenderFilter _senderFilter;
    private readonly PublicMailDomains _publicMailDomains;
    private readonly AuditTrail _audit;
    private readonly Invitations _invitations;
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _clock;
    private readonly ILogger<TicketIntake> _logger;
    private readonly GroupCommit<Arrival, TicketIntakeResult> _commits;

    public TicketIntake(
        NpgsqlDataSource dataSource,
        SenderFilter senderFilter,
        PublicMailDomains publicMailDomains,
        AuditTrail audit,
        Invitations invitations,
        OutboxSignal outboxSignal,
        TimeProvider clock,
        IOptions<TicketIntakeOptions> options,
        ILogger<TicketIntake> logger)
    {
        _dataSource = dataSource;
        _senderFilter = senderFilter;
        _publicMailDomains = publicMailDomains;
        _audit = audit;
        _invitations = invitations;
        _outboxSignal = outboxSignal;
        _clock = clock;
        _logger = logger;
        _commits = new(CommitAsync, options.Value.MaxTicketsPerTransaction, options.Value.MaxTransactions);
    }

    /// <summary>Skips, counts, creates, or recognises a redelivery; returns once the outcome is committed.</summary>
    public Task<TicketIntakeResult> RecordAsync(RequesterTicket ticket)
    {
        if (_senderFilter.SkipReason(ticket.Sender) is { } reason)
        {
            HelpdeskTelemetry.TicketsSkipped.Add(1, new KeyValuePair<string, object?>("reason", reason));
            LogSkipped(ticket.TicketId, reason);
            return Task.FromResult(TicketIntakeResult.Skipped);
        }

        return _commits.AddAsync(new Arrival(ticket, Activity.Current?.Context ?? default));
    }

    private async Task<IReadOnlyList<TicketIntakeResult>> CommitAsync(IReadOnlyList<Arrival> arrivals)
    {
        // The transaction's spans join the first ticket's trace; the others' traces are linked.
        using var activity = HelpdeskTelemetry.Source.StartActivity("ticket.intake.commit", ActivityKind.Internal, arrivals[0].Trace,
            links: arrivals.Skip(1).Where(a => a.Trace != default).Select(a => new ActivityLink(a.Trace)));
        activity?.SetTag("helpdesk.ticket.count", arrivals.Count);
        var results = Enumerable.Repeat(TicketIntakeResult.Duplicate, arrivals.Count).ToArray();
        var now = _clock.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // A ticket id counts once: the first arrival of an id this transaction claimed; every other is a redelivery.
        var tickets = arrivals.Select(a => a.Ticket).ToList();
        var domains = tickets.Select(t => t.Sender.Domain).Where(d => !_publicMailDomains.IsPublic(d)).Distinct(StringComparer.Ordinal).ToArray();
        var group = await TicketIntakeSql.ClaimAndCountAsync(connection, tickets, domains);
        var counted = Enumerable.Range(0, arrivals.Count).Where(i => group.Claimed.Remove(tickets[i].TicketId)).ToList();
        if (counted.Count == 0)
        {
            return results;
        }

        var accounts = group.Accounts;
        var newSenders = counted.Where(i => !accounts.ContainsKey(tickets[i].Sender.Address))
            .GroupBy(i => tickets[i].Sender.Address, StringComparer.Ordinal)
            .Select(g => SenderTickets.Of(g.Select(i => (i, tickets[i])).ToList()))
            .OrderBy(s => s.Email, StringComparer.Ordinal) // one lock order for every transaction
            .ToList();
        var created = await CreateAsync(connection, transaction, newSenders, accounts, group.Organizations, now);
        foreach (var index in counted)
        {
            results[index] = TicketIntakeResult.Counted;
        }

        foreach (var account in created)
        {
            results[account.Sender.Indexes[0]] = TicketIntakeResult.Created;
        }

        await TicketIntakeSql.LinkAsync(connection, counted.Select(i => tickets[i].TicketId).ToArray(),
            counted.Select(i => accounts[tickets[i].Sender.Address]).ToArray());
        await transaction.CommitAsync();
        if (created.Count > 0)
        {
            HelpdeskTelemetry.AccountsCreated.Add(created.Count, new KeyValuePair<string, object?>("source", "ticket"));
            _outboxSignal.Notify();
        }

        return results;
    }

    /// <summary>Creates the accounts of senders not seen before (or counts a concurrent creator's), with their events and invitations.</summary>
    private async Task<List<CreatedAccount>> CreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<SenderTickets> newSenders, Dictionary<string, Guid> accounts,
        Dictionary<string, Guid> organizations, DateTimeOffset now)
    {
        if (newSenders.Count == 0)
        {
            return [];
        }

        // A domain seen for the first time gets its organisation (its own round trips, a lock); known ones were read already.
        foreach (var domain in newSenders.Select(s => s.Domain).Where(d => !_publicMailDomains.IsPublic(d) && !organizations.ContainsKey(d))
                     .Distinct().Order(StringComparer.Ordinal))
        {
            organizations[domain] = await OrganizationStore.FindOrCreateOrganizationAsync(connection, domain, now, CancellationToken.None);
        }

        var rows = newSenders.Select(s => new NewAccountRow(s, Guid.CreateVersion7(now), organizations.TryGetValue(s.Domain, out var id) ? id : null)).ToList();
        var announcements = rows.Select(r => new RequesterAccountCreated
        {
            AccountId = r.Id,
            Email = r.Sender.Email,
            DisplayName = r.Sender.DisplayName,
            OrganizationId = r.OrganizationId,
            OrganizationDomain = r.OrganizationId is null ? null : r.Sender.Domain,
            TicketId = r.Sender.FirstTicketId,
            CreatedAt = now,
        }).ToList();
        var created = new List<CreatedAccount>();
        var rowsByEmail = rows.ToDictionary(r => r.Sender.Email, StringComparer.Ordinal);
        foreach (var (email, accountId, isNew) in await TicketIntakeSql.CreateOrCountAsync(connection, rows, announcements, now))
        {
            accounts[email] = accountId;
            if (isNew)
            {
                var row = rowsByEmail[email];
                created.Add(new CreatedAccount(row.Sender, accountId, row.OrganizationId));
            }
        }

        if (created.Count == 0)
        {
            return created;
        }

        await _audit.RecordManyAsync(created.Select(c => new AuditEntry(AuditEventTypes.AccountCreated, c.Id, Detail: "ticket")).ToList(), connection, CancellationToken.None);
        if (_invitations.Enabled)
        {
            foreach (var account in created)
            {
                await _invitations.SendAsync(new NewRequesterAccount(account.Id, account.Sender.DisplayAddress, account.Sender.DisplayName),
                    connection, transaction, CancellationToken.None);
            }
        }

        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} skipped: the sender is not a person ({SkipReason})")]
    private partial void LogSkipped(string ticketId, string skipReason);

    private readonly record struct Arrival(RequesterTicket Ticket, ActivityContext Trace);

    internal sealed record NewAccountRow(SenderTickets Sender, Guid Id, Guid? OrganizationId);

    private sealed record CreatedAccount(SenderTickets Sender, Guid Id, Guid? OrganizationId);
}
