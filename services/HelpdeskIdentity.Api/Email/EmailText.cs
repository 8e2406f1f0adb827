using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Email;

/// <summary>What the e-mails say, in the current language (EmailText.resx and its translations).</summary>
public static class EmailText
{
    private static readonly ResourceManager Resources = new(typeof(EmailText));

    public static string Greeting => Text();
    public static string GreetingNamed(string name) => Format([name]);
    public static string SupportLine(string contact) => Format([contact]);
    public static string SupportOr(string email, string phone) => Format([email, phone]);
    public static string LinkFallback => Text();
    public static string SentBy(string product, string address) => Format([product, address]);

    public static string SetPasswordSubject => Text();
    public static string SetPasswordLead(string product, string address) => Format([product, address]);
    public static string SetPasswordAction(int minutes) => Format([minutes]);
    public static string SetPasswordButton => Text();
    public static string SetPasswordIgnore => Text();
    public static string NoAccountLead(string product, string address) => Format([product, address]);
    public static string NoAccountHint => Text();
    public static string NoAccountIgnore => Text();
    public static string PasswordChangedSubject => Text();
    public static string PasswordChangedLead(string product, string address) => Format([product, address]);
    public static string PasswordChangedWarning => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
