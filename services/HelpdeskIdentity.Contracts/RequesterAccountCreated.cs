using MassTransit;

namespace HelpdeskIdentity.Contracts;

/// <summary>
/// An unclaimed account was created for a new ticket sender. Published once per account, through
/// the outbox, to the <c>helpdesk-identity.requester-account-created</c> exchange.
/// </summary>
[MessageUrn("helpdesk-identity:requester-account-created:v1")]
[EntityName(WireNames.RequesterAccountCreatedExchange)]
public sealed record RequesterAccountCreated
{
    public required Guid AccountId { get; init; }

    /// <summary>The normalised address: local part lower-cased, domain lower-cased ASCII (IDNA).</summary>
    public required string Email { get; init; }

    public string? DisplayName { get; init; }

    public Guid? OrganizationId { get; init; }

    public string? OrganizationDomain { get; init; }

    /// <summary>The ticket whose sender caused the account.</summary>
    public required string TicketId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
