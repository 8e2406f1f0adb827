using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>What the account pages (account overview, change password, change and confirm e-mail) say, in the request's language (AccountText.resx and its translations).</summary>
public static class AccountText
{
    private static readonly ResourceManager Resources = new(typeof(AccountText));

    public static string AccountHeading => Text();
    public static string EmailVerified => Text();
    public static string EmailNotVerified => Text();
    public static string ChangePasswordLink => Text();
    public static string ChangeEmailLink => Text();
    public static string ChangeNameLink => Text();
    public static string NameNotConfirmed => Text();

    public static string SessionsHeading => Text();
    public static string SessionThisBrowser => Text();
    public static string SessionTimes(string signedIn, string lastActive) => Format([signedIn, lastActive]);
    public static string SignOutOthersButton => Text();
    public static string SignedOutOthersText(int count) => Format([count]);

    public static string ChangeNameTitle => Text();
    public static string NameUsedHint => Text();
    public static string NameSuggestionHint => Text();
    public static string SaveNameButton => Text();
    public static string NameSavedText => Text();

    public static string ChangePasswordTitle => Text();
    public static string CurrentPasswordLabel => Text();
    public static string CurrentPasswordRequired => Text();
    public static string CurrentPasswordWrong => Text();
    public static string ChangePasswordButton => Text();
    public static string PasswordChangedTitle => Text();
    public static string PasswordChangedText => Text();
    public static string BackToAccount => Text();

    public static string ConfirmAccessTitle => Text();
    public static string ConfirmAccessLead => Text();
    public static string ConfirmAccessWithoutPasswordLead => Text();
    public static string ConfirmAccessButton => Text();
    public static string SignInAgainInstead => Text();
    public static string SignInAgainButton => Text();

    public static string ChangeEmailTitle => Text();
    public static string ChangeEmailLead(string currentAddress) => Format([currentAddress]);
    public static string NewEmailLabel => Text();
    public static string NewEmailRequired => Text();
    public static string NewEmailSame => Text();
    public static string NewEmailNotAllowed => Text();
    public static string ChangeEmailPasswordHint => Text();
    public static string ChangeEmailButton => Text();
    public static string CheckNewMailboxTitle => Text();
    public static string CheckNewMailboxText(string newAddress) => Format([newAddress]);

    public static string ConfirmEmailTitle => Text();
    public static string ConfirmEmailText(string newAddress) => Format([newAddress]);
    public static string ConfirmEmailButton => Text();
    public static string EmailChangedTitle => Text();
    public static string EmailChangedText(string newAddress) => Format([newAddress]);
    public static string EmailLinkInvalidTitle => Text();
    public static string EmailLinkInvalidText => Text();
    public static string EmailTakenTitle => Text();
    public static string EmailTakenText(string newAddress) => Format([newAddress]);

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
