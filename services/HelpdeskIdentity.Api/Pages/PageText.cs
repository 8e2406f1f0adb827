namespace HelpdeskIdentity.Api.Pages;

/// <summary>Every text the pages show, in one place for the translation that comes with a later issue.</summary>
public static class PageText
{
    public const string SignInTitle = "Sign in";
    public const string EmailLabel = "E-mail address";
    public const string PasswordLabel = "Password";
    public const string KeepSignedInLabel = "Keep me signed in";
    public const string KeepSignedInHint = "Only on a device you do not share.";
    public const string SignInButton = "Sign in";
    public const string ForgotPasswordLink = "Forgot your password?";
    public const string RegisterLink = "No account yet? Register";
    public const string EmailRequired = "Enter your e-mail address.";
    public const string EmailTooLong = "An e-mail address is at most 254 characters.";
    public const string PasswordRequired = "Enter your password.";
    public const string PasswordTooLong = "A password is at most 1024 characters.";
    public const string InvalidCredentials = "E-mail address or password is incorrect.";
    public const string LockedOut = "Too many failed attempts: this account is locked for a while. Try again later, or contact support.";

    public const string ForgotPasswordTitle = "Forgot your password";
    public const string ForgotPasswordLead = "Enter the address you e-mail the helpdesk from. We send a link to set a new password to it — this also works if you never had a password.";
    public const string ForgotPasswordButton = "Send the link";
    public const string EmailInvalid = "Enter an e-mail address like name@example.com.";
    public const string CheckMailboxTitle = "Check your mailbox";
    public const string CheckMailboxText = "We have sent an e-mail to the address you entered. It tells you how to set your password. It can take a few minutes to arrive; look in your spam folder too.";

    public const string SetPasswordTitle = "Set your password";
    public const string SetPasswordLead = "Choose a new password for";
    public const string RulesLead = "Your password must meet these rules:";
    public const string NewPasswordLabel = "New password";
    public const string ConfirmPasswordLabel = "New password again";
    public const string SetPasswordButton = "Set password";
    public const string NewPasswordRequired = "Enter a new password.";
    public const string ConfirmPasswordRequired = "Enter the new password again.";
    public const string PasswordsDiffer = "The two passwords are not the same.";
    public const string LinkInvalidTitle = "This link does not work any more";
    public const string LinkInvalidText = "Links to set a password work once and for a limited time, and only the newest one you asked for works. Ask for a new link.";
    public const string RequestNewLink = "Ask for a new link";
    public const string PasswordSetTitle = "Your password is set";
    public const string PasswordSetText = "You can now sign in with your new password.";
    public const string RegisterTitle = "Register";
    public const string ComingSoon = "This is coming soon.";
    public const string ComingSoonContact = "Until then, the support team can help you:";
    public const string BackToSignIn = "Back to sign in";

    public const string HomeTitle = "Welcome";
    public const string SignedInAs = "You are signed in as";
    public const string NotSignedIn = "You are not signed in.";
    public const string SignOutTitle = "Sign out";
    public const string SignOutQuestion = "Sign out of this browser?";
    public const string SignOutButton = "Sign out";

    public const string SupportLead = "Need help? Contact support:";

    public const string ErrorTitle = "Something went wrong";
    public const string NotFoundTitle = "Page not found";
    public const string TooManyAttemptsTitle = "Too many attempts";
    public const string ErrorBadRequest = "This form has expired or the request was not valid. Nothing was changed. Go back to sign in and try again.";
    public const string ErrorNotFound = "There is no page at this address.";
    public const string ErrorTooManyAttempts = "Too many attempts. Wait a little and try again.";
    public const string ErrorGeneric = "The request could not be completed. Nothing was changed. Please try again, or contact support.";
}
