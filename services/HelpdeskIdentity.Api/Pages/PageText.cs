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
