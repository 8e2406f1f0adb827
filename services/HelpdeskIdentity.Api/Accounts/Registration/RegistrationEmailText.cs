using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>What the registration e-mails say, in the current language (RegistrationEmailText.resx and its translations).</summary>
public static class RegistrationEmailText
{
    private static readonly ResourceManager Resources = new(typeof(RegistrationEmailText));

    public static string ConfirmSubject => Text();
    public static string ConfirmLead(string product, string address) => Format([product, address]);
    public static string ConfirmActionHours(int hours) => Format([hours]);
    public static string ConfirmActionMinutes(int minutes) => Format([minutes]);
    public static string ConfirmButton => Text();
    public static string ConfirmIgnore => Text();

    public static string ExistingSubject => Text();
    public static string ExistingLead(string product, string address) => Format([product, address]);
    public static string ExistingAction(int minutes) => Format([minutes]);
    public static string ExistingButton => Text();
    public static string ExistingIgnore => Text();

    public static string NotAllowedSubject => Text();
    public static string NotAllowedLead(string product, string address) => Format([product, address]);
    public static string ReasonClosed => Text();
    public static string ReasonPublicProvider(string domain) => Format([domain]);
    public static string ReasonUnknownOrganization(string domain) => Format([domain]);
    public static string ReasonOrganizationRefuses => Text();
    public static string NotAllowedHelp(string support) => Format([support]);
    public static string NotAllowedIgnore => Text();

    public static string NoAccountRegister => Text();
    public static string RegisterButton => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
