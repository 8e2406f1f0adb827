using HelpdeskIdentity.Api.Pages;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>Which limited action a request is, by path and method, whatever page or endpoint serves it (its partition keys: <see cref="RateLimitPartitionKeys"/>).</summary>
public static class RateLimitedRequest
{
    public const string SignIn = "sign-in";
    public const string ForgotPassword = "forgot-password";
    public const string SignInCode = "sign-in-code";
    public const string SetPassword = "set-password";
    public const string Register = "register";
    public const string ChangePassword = "change-password";
    public const string ChangeEmail = "change-email";
    public const string ConfirmEmail = "confirm-email";
    public const string Token = "token";
    public const string PushedAuthorization = "pushed-authorization";

    /// <summary>
    /// The policy that limits this request, or null when none does. Only POSTs are limited. Asking for a sign-in code
    /// mails the address as forgot-password does, so it spends forgot-password's budgets (<see cref="Budget"/>).
    /// </summary>
    public static string? Policy(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = request.Path.Value?.TrimEnd('/') ?? "";
        return path.ToLowerInvariant() switch
        {
            PagePaths.SignIn => SignIn,
            PagePaths.SignInCodeVerify => SignIn, // typing an e-mailed code is a sign-in attempt
            PagePaths.SignInCode => SignInCode,
            PagePaths.SecondStep => SignIn, // the second step: per client (the code's own lockout guards the account)
            "/account/login/passkey" => SignIn, // a passkey sign-in and its options: per client (no address is typed)
            PagePaths.ForgotPassword => ForgotPassword,
            PagePaths.SetPassword => SetPassword,
            PagePaths.RegisterConfirm => SetPassword, // the registration link's set-password form
            "/account/set-password/passkey" => SetPassword, // "use a passkey instead" on the set-password page
            PagePaths.Register => Register,
            PagePaths.ChangePassword => ChangePassword,
            PagePaths.TwoFactor => ChangePassword, // changing the second factor: like changing the password
            "/account/passkeys" => ChangePassword, // adding, renaming or removing a passkey: the same
            PagePaths.ConfirmAccess => ChangePassword, // typing the password again before such a change: the same
            PagePaths.ChangeEmail => ChangeEmail,
            PagePaths.ConfirmEmail => ConfirmEmail,
            "/connect/token" => Token,
            "/connect/par" => PushedAuthorization, // anyone may push for a public client, and each push is a row kept for its lifetime
            _ => null,
        };
    }

    /// <summary>The budget a policy spends: a sign-in code request shares forgot-password's, per client IP and per address.</summary>
    public static string? Budget(string? policy) => policy == SignInCode ? ForgotPassword : policy;

    /// <summary>Whether the policy also limits per posted address (so the form must be read first).</summary>
    public static bool IsPerAddress(string? policy) => policy is SignIn or ForgotPassword or SignInCode or Register;
}
