using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>Every text the pages show, in the request's language (PageText.resx and its translations).</summary>
public static class PageText
{
    private static readonly ResourceManager Resources = new(typeof(PageText));

    public static string SignInTitle => Text();
    public static string EmailLabel => Text();
    public static string PasswordLabel => Text();
    public static string KeepSignedInLabel => Text();
    public static string KeepSignedInHint => Text();
    public static string SignInButton => Text();
    public static string ForgotPasswordLink => Text();
    public static string RegisterLink => Text();
    public static string EmailRequired => Text();
    public static string EmailTooLong => Text();
    public static string PasswordRequired => Text();
    public static string PasswordTooLong => Text();
    public static string InvalidCredentials => Text();
    public static string LockedOut => Text();

    public static string ForgotPasswordTitle => Text();
    public static string ForgotPasswordLead => Text();
    public static string ForgotPasswordButton => Text();
    public static string EmailInvalid => Text();
    public static string CheckMailboxTitle => Text();
    public static string CheckMailboxText => Text();

    public static string SetPasswordTitle => Text();
    public static string RulesLead => Text();
    public static string NewPasswordLabel => Text();
    public static string ConfirmPasswordLabel => Text();
    public static string SetPasswordButton => Text();
    public static string NewPasswordRequired => Text();
    public static string ConfirmPasswordRequired => Text();
    public static string PasswordsDiffer => Text();
    public static string RuleMet => Text();
    public static string RuleNotMet => Text();
    public static string LinkInvalidTitle => Text();
    public static string LinkInvalidText => Text();
    public static string RequestNewLink => Text();
    public static string PasswordSetTitle => Text();
    public static string PasswordSetText => Text();
    public static string BackToSignIn => Text();

    public static string HomeTitle => Text();
    public static string SignedInAs => Text();
    public static string NotSignedIn => Text();
    public static string SignOutTitle => Text();
    public static string SignOutQuestion => Text();
    public static string SignOutButton => Text();

    public static string SupportLead => Text();
    public static string LanguageLinksLabel => Text();

    public static string ErrorTitle => Text();
    public static string NotFoundTitle => Text();
    public static string TooManyAttemptsTitle => Text();
    public static string ErrorBadRequest => Text();
    public static string ErrorNotFound => Text();
    public static string ErrorTooManyAttempts => Text();
    public static string ErrorGeneric => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);
}
