namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// Every page's path, in one place: the links in e-mails, the cookie's sign-in and sign-out paths, redirects, the rate
/// limits' list and the pages' own forms name them from here. A page's <c>@page</c> directive must repeat its path as
/// a literal (Razor's rule); PagePathsTests checks that each path here is a page's route.
/// </summary>
public static class PagePaths
{
    public const string SignIn = "/account/login";
    public const string SignOut = "/account/logout";
    public const string SignInCode = "/account/login/code";
    public const string SignInCodeVerify = "/account/login/code/verify";
    public const string SecondStep = "/account/login/two-factor";
    public const string ForgotPassword = "/account/forgot-password";
    public const string SetPassword = "/account/set-password";
    public const string Register = "/account/register";
    public const string RegisterConfirm = "/account/register/confirm";
    public const string ChangeName = "/account/name";
    public const string ChangePassword = "/account/password";
    public const string ChangeEmail = "/account/email";
    public const string ConfirmEmail = "/account/confirm-email";
    public const string TwoFactor = "/account/two-factor";
    public const string ConfirmAccess = "/account/confirm-access";
    public const string Sessions = "/account/sessions";
}
