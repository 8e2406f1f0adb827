using MassTransit;

namespace HelpdeskIdentity.Contracts;

/// <summary>
/// An account was erased on a GDPR request: subscribers should forget what they hold about it. Carries the
/// account id only. Published once, through the outbox, to the <c>helpdesk-identity.requester-account-erased</c> exchange.
/// </summary>
[MessageUrn("helpdesk-identity:requester-account-erased:v1")]
[EntityName(WireNames.RequesterAccountErasedExchange)]
public sealed record RequesterAccountErased
{
    public required Guid AccountId { get; init; }

    public required DateTimeOffset ErasedAt { get; init; }
}
