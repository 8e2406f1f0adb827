namespace HelpdeskIdentity.Api.Accounts;

/// <summary>Where account intake keeps its state. One call is one transaction.</summary>
public interface IRequesterAccountStore
{
    /// <summary>
    /// Counts the ticket against the sender's account, creating the account (and the organisation
    /// for <paramref name="organizationDomain"/>, and a RequesterAccountCreated outbox row) when the
    /// address is new. A ticket id already counted changes nothing and returns <see cref="TicketIntakeResult.Duplicate"/>.
    /// <paramref name="whenCreated"/>, if given, runs in the same transaction right after the account is inserted.
    /// </summary>
    /// <summary>Forgets the ids of tickets counted longer ago than <paramref name="olderThan"/> (database clock); returns how many.</summary>
    Task<int> ForgetTicketIdsAsync(TimeSpan olderThan, CancellationToken cancellationToken);

    Task<TicketIntakeResult> RecordTicketAsync(RequesterTicket ticket, string? organizationDomain, AccountCreatedHook? whenCreated, CancellationToken cancellationToken);
}
