using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Invitation;

/// <summary>
/// When <c>Accounts:Invitation:Enabled</c>: an account created from a ticket gets one "your portal access is ready"
/// e-mail with a claim link (a set-password link of <c>Accounts:Invitation:LinkLifetime</c>), written in
/// <c>Languages:Default</c> — the new account has no language yet. Runs inside intake's transaction
/// (docs/decisions/0016-invitation.md).
/// </summary>
public sealed partial class Invitations(
    PasswordResetStore links,
    IEmailOutbox outbox,
    InvitationEmails emails,
    IOptions<AccountOptions> options,
    IOptions<LanguageOptions> languages,
    TimeProvider clock,
    ILogger<Invitations> logger)
{
    private InvitationOptions Options => options.Value.Invitation;

    public bool Enabled => Options.Enabled;

    /// <summary>The link and the e-mail of one new account, on intake's connection and transaction (<see cref="Tickets.TicketIntake"/>).</summary>
    public async Task SendAsync(NewRequesterAccount account, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var language = Languages.Use(Languages.Culture(null, languages.Value.Default));
        var now = clock.GetUtcNow();
        var (handle, hash) = LinkHandles.New();
        await links.IssueAsync(connection, hash, account.Id, returnUrl: null, now, now + Options.LinkLifetime, cancellationToken);
        await outbox.EnqueueAsync(emails.Invitation(account, handle, Options.LinkLifetime), connection, transaction, cancellationToken);
        LogInvited(account.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} invited to claim its portal access")]
    private partial void LogInvited(Guid accountId);
}
