using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>What the two-step verification pages and notice e-mails say, in the current language (TwoFactorText.resx and its translations).</summary>
public static class TwoFactorText
{
    private static readonly ResourceManager Resources = new(typeof(TwoFactorText));

    public static string SignInTitle => Text();
    public static string SignInLead => Text();
    public static string CodeLabel => Text();
    public static string CodeRequired => Text();
    public static string CodeWrong => Text();
    public static string RememberBrowserLabel(int days) => Format([days]);
    public static string VerifyButton => Text();
    public static string ManageLink => Text();
    public static string StateOn => Text();
    public static string StateOff => Text();
    public static string ManageLeadOff => Text();
    public static string SetupScan => Text();
    public static string QrAlt => Text();
    public static string KeyLabel => Text();
    public static string SetupCodeLabel => Text();
    public static string EnableButton => Text();
    public static string EnableWrongCode => Text();
    public static string RecoveryCodesTitle => Text();
    public static string RecoveryCodesLead => Text();
    public static string ManageLeadOn(int recoveryCodesLeft) => Format([recoveryCodesLeft]);
    public static string CurrentCodeLabel => Text();
    public static string NewRecoveryCodesButton => Text();
    public static string DisableButton => Text();
    public static string TurnedOffText => Text();
    public static string ResetCodeHint => Text();
    public static string ChangedSubject => Text();
    public static string ChangedTurnedOn(string product, string address) => Format([product, address]);
    public static string ChangedTurnedOff(string product, string address) => Format([product, address]);
    public static string ChangedNewRecoveryCodes(string product, string address) => Format([product, address]);
    public static string ChangedWarning => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
