using HelpdeskIdentity.Api.Accounts.PasswordReset;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Oidc.Grants;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// Turns register-page requests into e-mails (see <see cref="RequestWorker{TRequest}"/>): an address with an account
/// gets a set-password link ("you already have an account"); one that may register gets a verification link (older
/// ones voided); any other gets the reason and the support contact — except an address intake would skip (no-reply,
/// the helpdesk's own, the deny lists), which is sent nothing, as is an account an operator holds. No account is created here.
/// </summary>
public sealed class RegistrationWorker(
    RegistrationStore store,
    PasswordResetStore accounts,
    PasswordResetTokens resetTokens,
    RegistrationPolicy policy,
    RegistrationEmails emails,
    IEmailOutbox outbox,
    RegistrationSignal signal,
    NpgsqlDataSource dataSource,
    IOptions<RegistrationOptions> options,
    IOptions<AccountOptions> accountOptions,
    IOptions<LanguageOptions> languages,
    TimeProvider clock,
    ILogger<RegistrationWorker> logger) : RequestWorker<RegistrationRequest>(signal, dataSource, languages, accountOptions.Value.RequestAttempts, clock, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override string Table => "registration_requests";

    protected override Task<IReadOnlyList<RegistrationRequest>> TakeAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken) =>
        store.TakeRequestsAsync(connection, limit, cancellationToken);

    protected override string? LanguageOf(RegistrationRequest request) => request.Language;

    protected override async Task HandleAsync(RegistrationRequest request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (MailboxParser.Parse(request.Email).Mailbox is not { } address)
        {
            return; // the page only stores addresses that parse
        }

        if (await accounts.FindAccountAsync(connection, address.Address, cancellationToken) is { } account)
        {
            if (account.HeldByOperator)
            {
                return; // no link, no e-mail for an account an operator holds (docs/decisions/0055)
            }

            var handle = await resetTokens.IssueAsync(connection, account.Id, request.ReturnUrl, cancellationToken);
            await outbox.EnqueueAsync(emails.ExistingAccount(request, account, handle, accountOptions.Value.PasswordReset.LinkLifetime),
                connection, transaction, cancellationToken);
            return;
        }

        var (verdict, _) = await policy.DecideAsync(connection, address, cancellationToken);
        if (verdict == RegistrationVerdict.NotAPerson)
        {
            return;
        }

        if (verdict != RegistrationVerdict.Allowed)
        {
            await outbox.EnqueueAsync(emails.NotAllowed(request, address, verdict), connection, transaction, cancellationToken);
            return;
        }

        var now = Clock.GetUtcNow();
        var (verification, hash) = LinkHandles.New();
        await store.IssueAsync(connection, hash, request, PasswordResetTokens.AllowedReturnUrl(request.ReturnUrl),
            now, now + options.Value.LinkLifetime, cancellationToken);
        await outbox.EnqueueAsync(emails.Confirm(request, verification, options.Value.LinkLifetime), connection, transaction, cancellationToken);
    }
}
