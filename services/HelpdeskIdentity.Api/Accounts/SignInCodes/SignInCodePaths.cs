namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>The two pages of "e-mail me a sign-in code": asking for one (limited like forgot-password), and typing it (limited like sign-in).</summary>
public static class SignInCodePaths
{
    public const string Request = "/account/login/code";
    public const string Verify = "/account/login/code/verify";
}
