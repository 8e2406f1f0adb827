using HelpdeskIdentity.Api.Accounts;
using Microsoft.AspNetCore.Http.Features;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>Which limited action a request is (by path and method, whatever page or endpoint serves it), and its partition keys.</summary>
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

    /// <summary>The form field that holds the address on the sign-in, forgot-password and register pages.</summary>
    public const string EmailField = "Input.Email";

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
            "/account/login" => SignIn,
            "/account/login/code/verify" => SignIn, // typing an e-mailed code is a sign-in attempt
            "/account/login/code" => SignInCode,
            "/account/login/two-factor" => SignIn, // the second step: per client (the code's own lockout guards the account)
            "/account/forgot-password" => ForgotPassword,
            "/account/set-password" => SetPassword,
            "/account/register/confirm" => SetPassword, // the registration link's set-password form
            "/account/register" => Register,
            "/account/password" => ChangePassword,
            "/account/two-factor" => ChangePassword, // changing the second factor: like changing the password
            "/account/email" => ChangeEmail,
            "/account/confirm-email" => ConfirmEmail,
            "/connect/token" => Token,
            _ => null,
        };
    }

    /// <summary>The budget a policy spends: a sign-in code request shares forgot-password's, per client IP and per address.</summary>
    public static string? Budget(string? policy) => policy == SignInCode ? ForgotPassword : policy;

    /// <summary>Whether the policy also limits per posted address (so the form must be read first).</summary>
    public static bool IsPerAddress(string? policy) => policy is SignIn or ForgotPassword or SignInCode or Register;

    /// <summary>The client IP; IPv4-mapped IPv6 as IPv4. Behind a proxy this is the proxy unless ForwardedHeaders is configured.</summary>
    public static string ClientIp(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";

    /// <summary>The posted address, canonical (as accounts are keyed), or null when the form has none.</summary>
    public static string? Address(HttpRequest request)
    {
        // Only a form already read (RateLimitingExtensions reads it first, asynchronously): never a blocking read here.
        if (request.HttpContext.Features.Get<IFormFeature>()?.Form is not { } form || form[EmailField].ToString() is not { Length: > 0 } raw)
        {
            return null;
        }

        // The same key the account look-up uses: Jan@Example.NL and jan@example.nl share a budget.
        return MailboxLookupNormalizer.Normalize(raw.Length > 320 ? raw[..320] : raw);
    }
}
