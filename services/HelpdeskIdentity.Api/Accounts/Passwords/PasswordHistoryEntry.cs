namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// A row of <c>password_history</c>: ASP.NET Core Identity's hash of a password an account had, never the
/// password. Written by <see cref="AccountUserStore"/> whenever a password hash is set.
/// </summary>
public sealed class PasswordHistoryEntry
{
    /// <summary>Ascending: a higher id is a later password.</summary>
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
