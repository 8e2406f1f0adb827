using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>What the sign-in code pages and e-mails say, in the current language (SignInCodeText.resx and its translations).</summary>
public static class SignInCodeText
{
    private static readonly ResourceManager Resources = new(typeof(SignInCodeText));

    public static string SignInCodeLink => Text();
    public static string SignInCodeTitle => Text();
    public static string SignInCodeLead => Text();
    public static string SendCodeButton => Text();
    public static string EnterCodeTitle => Text();
    public static string EnterCodeText(string address, int minutes) => Format([address, minutes]);
    public static string CodeLabel => Text();
    public static string CodeRequired => Text();
    public static string CodeWrong => Text();
    public static string VerifyCodeButton => Text();
    public static string SendNewCodeLink => Text();

    public static string CodeEmailSubject => Text();
    public static string CodeEmailLead(string product, string code) => Format([product, code]);
    public static string CodeEmailAction(int minutes) => Format([minutes]);
    public static string CodeEmailButton => Text();
    public static string CodeEmailIgnore => Text();
    public static string CodeNoAccountLead(string product, string address) => Format([product, address]);
    public static string CodeNoAccountHint => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
