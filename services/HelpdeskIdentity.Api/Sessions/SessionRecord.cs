namespace HelpdeskIdentity.Api.Sessions;

/// <summary>A row of <c>sessions</c>: one browser sign-in (docs/decisions/0024-server-side-sessions.md).</summary>
public class SessionRecord
{
    /// <summary>The session id: the cookie's and the ID tokens' <c>sid</c>.</summary>
    public required string Id { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end: the session is over then, however active.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>"Keep me signed in" was ticked.</summary>
    public bool Persistent { get; set; }

    /// <summary>A short summary of the browser ("Firefox on Windows"), never the raw header.</summary>
    public required string UserAgent { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The earlier sessions of this browser and account whose grants this one carries (docs/decisions/0061).</summary>
    public string[] CarriedSessionIds { get; set; } = [];
}
