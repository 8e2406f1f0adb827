using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>What the passkey buttons, the passkeys page and their notice e-mails say, in the current language (PasskeyText.resx and its translations).</summary>
public static class PasskeyText
{
    private static readonly ResourceManager Resources = new(typeof(PasskeyText));

    public static string SignInButton => Text();
    public static string SignInFailed => Text();

    public static string RequiredBySecondFactorPolicy => Text();
    public static string ClaimButton => Text();
    public static string ClaimLead => Text();
    public static string ClaimFailed => Text();
    public static string Unsupported => Text();
    public static string ManageTitle => Text();
    public static string ManageLead => Text();
    public static string NoPasskeys => Text();
    public static string PasskeyTimes(string added, string lastUsed) => Format([added, lastUsed]);
    public static string NeverUsed => Text();
    public static string NameLabel => Text();
    public static string NewNameLabel => Text();
    public static string AddButton => Text();
    public static string RenameButton => Text();
    public static string RemoveButton => Text();
    public static string Added => Text();
    public static string Renamed => Text();
    public static string Removed => Text();
    public static string AddFailed => Text();
    public static string LastCredential => Text();
    public static string NameInvalid => Text();
    public static string NotFound => Text();
    public static string ChangedAdded(string product, string address, string name) => Format([product, address, name]);
    public static string ChangedRemoved(string product, string address, string name) => Format([product, address, name]);

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
