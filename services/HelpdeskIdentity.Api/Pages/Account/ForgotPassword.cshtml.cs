using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// Asks for a set-password link. The POST only records the request (one INSERT) and always answers "check your
/// mailbox", so neither its answer nor its timing tells whether the address has an account; the
/// <see cref="PasswordResetWorker"/> sends the link, or the "no account uses this address" e-mail.
/// </summary>
public sealed class ForgotPasswordModel(IPasswordResetStore store, PasswordResetSignal signal, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True once a request was accepted: the page says "check your mailbox".</summary>
    public bool Sent { get; private set; }

    /// <summary>The sign-in page, continuing the same sign-in.</summary>
    public string LoginUrl => PasswordResetTokens.AllowedReturnUrl(ReturnUrl) is { } returnUrl
        ? $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}"
        : "/account/login";

    /// <param name="loginHint">Passed on by the sign-in page: pre-fills the address.</param>
    public void OnGet([FromQuery(Name = "login_hint")] string? loginHint)
    {
        if (loginHint is { Length: > 0 and <= 254 })
        {
            Input.Email = loginHint;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && MailboxParser.Parse(Input.Email.Trim()).Mailbox is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", PageText.EmailInvalid);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        await store.AddRequestAsync(
            new PasswordResetRequest(Guid.CreateVersion7(now), MailboxLookupNormalizer.Normalize(Input.Email),
                PasswordResetTokens.AllowedReturnUrl(ReturnUrl), Languages.Current),
            now, cancellationToken);
        signal.Notify();
        Sent = true;
        return Page();
    }

    /// <summary>The validation message of one field, or null.</summary>
    public string? FieldError(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
}
