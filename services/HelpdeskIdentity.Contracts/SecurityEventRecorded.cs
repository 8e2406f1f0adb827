using MassTransit;

namespace HelpdeskIdentity.Contracts;

/// <summary>
/// One row of the audit trail, for a SIEM: published through the outbox to the
/// <c>helpdesk-identity.security-event-recorded</c> exchange. Never holds an e-mail address, a name, a password,
/// a token or a link; <see cref="EventId"/> is the audit row's id (redeliveries carry the same one).
/// </summary>
[MessageUrn("helpdesk-identity:security-event-recorded:v1")]
[EntityName(WireNames.SecurityEventRecordedExchange)]
public sealed record SecurityEventRecorded
{
    public required Guid EventId { get; init; }

    /// <summary>What happened, e.g. <c>sign_in.failed</c> (docs/events.md lists every type).</summary>
    public required string Type { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public required string Outcome { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public Guid? AccountId { get; init; }

    public string? ClientId { get; init; }

    public string? SessionId { get; init; }

    /// <summary>The caller's IP address, truncated per <c>Audit:IPv4PrefixLength</c> / <c>Audit:IPv6PrefixLength</c>.</summary>
    public string? SourceIp { get; init; }

    /// <summary>Browser and platform, e.g. <c>Firefox on Linux</c>; never the raw header.</summary>
    public string? UserAgent { get; init; }

    /// <summary>A code-defined word about the event (e.g. the admin action, how an account was created); never personal data.</summary>
    public string? Detail { get; init; }
}
