using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>What the page that asks for a second factor (required by policy) says, in the current language (EnrolmentText.resx and its translations).</summary>
public static class EnrolmentText
{
    private static readonly ResourceManager Resources = new(typeof(EnrolmentText));

    public static string Title => Text();
    public static string Lead => Text();
    public static string AuthenticatorLink => Text();
    public static string PasskeyLink => Text();
    public static string ContinueLink => Text();
    public static string StillMissing => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);
}
