using HelpdeskIdentity.Api.Oidc.Endpoints;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Set-password links: a 256-bit random handle (base64url) goes into the e-mail, only its SHA-256 into the
/// database, so a copy of the table opens no account. Looked up by hash: app code never compares handles (<see cref="LinkHandles"/>).
/// </summary>
public sealed class PasswordResetTokens(PasswordResetStore store, IOptions<AccountOptions> options, TimeProvider clock)
{
    private const string AuthorizePrefix = OidcPaths.Authorize + "?";
    private const int MaxReturnUrlLength = 2000;

    /// <summary>A fresh handle and the hash to store: the same 256-bit handles the protocol uses for codes and refresh tokens.</summary>
    public static (string Handle, string Hash) NewHandle() => LinkHandles.New();

    /// <summary>
    /// The only return URL a link carries: a local <c>/connect/authorize?…</c> URL (back into the OIDC flow
    /// that sent the user to sign in). Anything else — absolute, protocol-relative, another path — is dropped.
    /// </summary>
    public static string? AllowedReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= MaxReturnUrlLength }
        && returnUrl.StartsWith(AuthorizePrefix, StringComparison.Ordinal)
        && !returnUrl.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : null;

    /// <summary>
    /// Issues a new link for the account in the caller's transaction (voiding its older ones) and returns the handle
    /// for the e-mail; the return URL is kept only if <see cref="AllowedReturnUrl"/> allows it.
    /// </summary>
    public async Task<string> IssueAsync(NpgsqlConnection connection, Guid accountId, string? returnUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (handle, hash) = NewHandle();
        await store.IssueAsync(connection, hash, accountId, AllowedReturnUrl(returnUrl), now, ExpiresAt(now), cancellationToken);
        return handle;
    }

    /// <summary>When a link issued now stops working.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset issuedAt) => issuedAt + options.Value.PasswordReset.LinkLifetime;

    /// <summary>The link a handle opens while it still works; null for a malformed, unknown, expired, used or voided one.</summary>
    public Task<PasswordResetLink?> FindAsync(string? handle, CancellationToken cancellationToken) =>
        LinkHandles.HashOf(handle) is { } hash
            ? store.FindUsableAsync(hash, clock.GetUtcNow(), cancellationToken)
            : Task.FromResult<PasswordResetLink?>(null);
}
