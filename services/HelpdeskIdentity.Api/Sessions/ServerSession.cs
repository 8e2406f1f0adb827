namespace HelpdeskIdentity.Api.Sessions;

/// <summary>One browser sign-in, as the account page lists it.</summary>
public sealed record ServerSession(
    string Id, Guid AccountId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Persistent, string UserAgent);
