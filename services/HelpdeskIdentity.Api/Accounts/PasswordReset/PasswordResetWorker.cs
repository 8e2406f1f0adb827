using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Accounts.SignInCodes;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>
/// Turns forgot-password requests into e-mails (see <see cref="RequestWorker{TRequest}"/>): a link is issued
/// (older ones voided) for each address with an account, and the right e-mail is enqueued for every address —
/// for one without an account, with a registration link when its domain may register (docs/decisions/0017).
/// A request for a sign-in code is answered the same way with a code instead of a link (docs/decisions/0036). An account
/// an operator disabled or locked gets neither, nor any e-mail (docs/decisions/0055).
/// </summary>
public sealed class PasswordResetWorker(
    PasswordResetStore store,
    IEmailOutbox outbox,
    PasswordResetEmails emails,
    PasswordResetTokens tokens,
    SignInCodeIssuer codes,
    SignInCodeEmails codeEmails,
    RegistrationPolicy registration,
    RegistrationEmails registrationEmails,
    PasswordResetSignal signal,
    AuditTrail audit,
    NpgsqlDataSource dataSource,
    IOptions<AccountOptions> options,
    IOptions<LanguageOptions> languages,
    TimeProvider clock,
    ILogger<PasswordResetWorker> logger) : RequestWorker<PasswordResetRequest>(signal, dataSource, languages, options.Value.RequestAttempts, clock, logger)
{
    private PasswordResetOptions Options => options.Value.PasswordReset;

    protected override TimeSpan PollInterval => Options.PollInterval;

    protected override string Table => "password_reset_requests";

    protected override Task<IReadOnlyList<PasswordResetRequest>> TakeAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken) =>
        store.TakeRequestsAsync(connection, limit, cancellationToken);

    protected override string? LanguageOf(PasswordResetRequest request) => request.Language;

    protected override async Task HandleAsync(PasswordResetRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var account = await store.FindAccountAsync(connection, request.Email, cancellationToken);
        if (account is { HeldByOperator: true })
        {
            return; // nothing at all for an account an operator holds (docs/decisions/0055); the page answered as for any address
        }

        if (request.Purpose == PasswordResetRequest.SignInCodePurpose)
        {
            await SendCodeAsync(request, account, connection, transaction, cancellationToken);
            return;
        }

        if (account is null)
        {
            var mayRegister = MailboxParser.Parse(request.Email).Mailbox is { } mailbox
                && (await registration.DecideAsync(connection, mailbox, cancellationToken)).Verdict == RegistrationVerdict.Allowed;
            var registerLink = mayRegister ? registrationEmails.RegisterLink(request.Email, request.ReturnUrl) : null;
            await outbox.EnqueueAsync(emails.NoAccount(request.Email, request.Id, registerLink), connection, transaction, cancellationToken);
            return;
        }

        var handle = await tokens.IssueAsync(connection, account.Id, request.ReturnUrl, cancellationToken);
        await outbox.EnqueueAsync(emails.SetPassword(account, handle, request.Id, Options.LinkLifetime), connection, transaction, cancellationToken);
        await audit.RecordAsync(new(AuditEventTypes.PasswordResetRequested, account.Id), connection, cancellationToken);
    }

    private async Task SendCodeAsync(PasswordResetRequest request, PasswordResetAccount? account, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var message = account is not null
            ? codeEmails.Code(account.Email, account.GreetingName, await codes.IssueAsync(connection, account.Id, request.ReturnUrl, cancellationToken),
                request.Id, options.Value.SignInCode.Lifetime)
            : codeEmails.NoAccount(request.Email, request.Id);
        await outbox.EnqueueAsync(message, connection, transaction, cancellationToken);
    }
}
