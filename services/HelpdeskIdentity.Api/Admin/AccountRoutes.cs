using HelpdeskIdentity.Api.Accounts;

using HelpdeskIdentity.Api.MailAddresses;
namespace HelpdeskIdentity.Api.Admin;

/// <summary><c>/admin/v1/accounts</c>: look-up, lock, disable, sign-out, claim link, GDPR erase and export.</summary>
internal static class AccountRoutes
{
    public static void MapAccountRoutes(this RouteGroupBuilder admin)
    {
        var accounts = admin.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("", ListAsync).WithName("FindAccounts")
            .WithSummary("Accounts by e-mail address (exact, case-insensitive) or by organisation (paged)");
        accounts.MapGet("/{id:guid}", GetAsync).WithName("GetAccount").WithSummary("One account");
        accounts.MapPost("/{id:guid}/claim-link", ClaimLinkAsync).WithName("SendClaimLink")
            .WithSummary("Mails a set-password link (the forgot-password rules and limits)");
        accounts.MapPost("/{id:guid}/lock", (Guid id, AdminAccounts a, CancellationToken c) => ChangeAsync(id, a.LockAsync, a, c))
            .WithName("LockAccount").WithSummary("Refuses every sign-in, e-mailed link or code and token until unlocked; sessions and refresh tokens are held, not ended");
        accounts.MapPost("/{id:guid}/unlock", (Guid id, AdminAccounts a, CancellationToken c) => ChangeAsync(id, a.UnlockAsync, a, c))
            .WithName("UnlockAccount").WithSummary("Ends a lockout (an operator's or after failed sign-ins)");
        accounts.MapPost("/{id:guid}/disable", (Guid id, AdminAccounts a, CancellationToken c) => ChangeAsync(id, a.DisableAsync, a, c))
            .WithName("DisableAccount").WithSummary("Refuses every sign-in, e-mailed link or code and token; ends every session and refresh token");
        accounts.MapPost("/{id:guid}/enable", (Guid id, AdminAccounts a, CancellationToken c) => ChangeAsync(id, a.EnableAsync, a, c))
            .WithName("EnableAccount").WithSummary("Undoes disable");
        accounts.MapPost("/{id:guid}/sign-out", SignOutAsync).WithName("SignOutAccount").WithSummary("Ends every session and refresh token");
        accounts.MapDelete("/{id:guid}", EraseAsync).WithName("EraseAccount").WithSummary("GDPR erase");
        accounts.MapGet("/{id:guid}/export", ExportAsync).WithName("ExportAccount").WithSummary("GDPR export: everything held about the person");
    }

    private static async Task<IResult> ListAsync(string? email, string? organization, string? limit, string? cursor, AdminAccounts accounts, CancellationToken cancellationToken)
    {
        if ((email is null) == (organization is null))
        {
            return AdminProblems.Invalid(email is null ? "email" : "organization", "give either email or organization");
        }

        if (organization is not null && !Guid.TryParse(organization, out _))
        {
            return AdminProblems.Invalid("organization", "is not an organisation id");
        }

        var (size, badLimit) = PageRequest.Limit(limit);
        var (afterId, badCursor) = PageRequest.AfterId(cursor);
        if ((badLimit ?? badCursor) is { } problem)
        {
            return problem;
        }

        if (email is not null)
        {
            if (email.Length > 320 || MailboxParser.Parse(email.Trim()).Mailbox is not { } mailbox)
            {
                return AdminProblems.Invalid("email", "is not an e-mail address");
            }

            var found = await accounts.FindByEmailAsync(mailbox.Address, cancellationToken);
            await accounts.RecordReadAsync(found.SingleOrDefault()?.Id, "find_by_email", cancellationToken);
            return TypedResults.Ok(new Page<AccountView>(found, null));
        }

        var page = await accounts.ListByOrganizationAsync(Guid.Parse(organization!), afterId, size, cancellationToken);
        await accounts.RecordReadAsync(null, "list_by_organization", cancellationToken);
        return TypedResults.Ok(new Page<AccountView>(page, page.Count == size ? PageRequest.Encode(page[^1].Id.ToString()) : null));
    }

    private static async Task<IResult> GetAsync(Guid id, AdminAccounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, cancellationToken) is not { } account)
        {
            return AdminProblems.NotFound("account");
        }

        await accounts.RecordReadAsync(id, "read", cancellationToken);
        return TypedResults.Ok(account);
    }

    private static async Task<IResult> ChangeAsync(Guid id, Func<Guid, CancellationToken, Task<bool>> change, AdminAccounts accounts, CancellationToken cancellationToken) =>
        await change(id, cancellationToken) && await accounts.FindAsync(id, cancellationToken) is { } account
            ? TypedResults.Ok(account)
            : AdminProblems.NotFound("account");

    private static async Task<IResult> SignOutAsync(Guid id, AdminAccounts accounts, CancellationToken cancellationToken) =>
        await accounts.SignOutAsync(id, cancellationToken) ? TypedResults.NoContent() : AdminProblems.NotFound("account");

    private static async Task<IResult> ClaimLinkAsync(Guid id, AdminAccounts accounts, ClaimLinks links, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(id, cancellationToken) is not { } account)
        {
            return AdminProblems.NotFound("account");
        }

        return await links.SendAsync(account, cancellationToken)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many links",
                detail: "This address has had as many links as RateLimits:ForgotPasswordPerAddress allows; try again later.");
    }

    private static async Task<IResult> EraseAsync(Guid id, PersonalDataEraser eraser, CancellationToken cancellationToken) =>
        await eraser.EraseAsync(id, cancellationToken) ? TypedResults.NoContent() : AdminProblems.NotFound("account");

    private static async Task<IResult> ExportAsync(Guid id, PersonalDataExport export, CancellationToken cancellationToken) =>
        await export.ExportAsync(id, cancellationToken) is { } document ? TypedResults.Ok(document) : AdminProblems.NotFound("account");
}
