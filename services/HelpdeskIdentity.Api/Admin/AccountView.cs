namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// An account as the admin API shows it: never a hash, a stamp or a token. <see cref="EmailVerified"/> is the one fact
/// "confirmed" and "verified" name here (the mailbox was proved by a link); <see cref="Claimed"/>: it has a password.
/// </summary>
public sealed record AccountView(
    Guid Id,
    string? Email,
    string? Name,
    bool EmailVerified,
    bool Claimed,
    DateTimeOffset? LockedOutUntil,
    bool Disabled,
    DateTimeOffset? DisabledAt,
    int TicketCount,
    DateTimeOffset? FirstTicketAt,
    DateTimeOffset? LastTicketAt,
    OrganizationRef? Organization,
    string? Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);

public sealed record OrganizationRef(Guid Id, string Name);

/// <summary>One page of a list; <see cref="Next"/> is the opaque cursor of the next page, null on the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
