using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>What the register pages say, in the request's language (RegisterText.resx and its translations).</summary>
public static class RegisterText
{
    private static readonly ResourceManager Resources = new(typeof(RegisterText));

    public static string Title => Text();
    public static string Lead => Text();
    public static string NameLabel => Text();
    public static string NameRequired => Text();
    public static string NameTooLong => Text();
    public static string NameInvalid => Text();
    public static string DomainMixesScripts => Text();
    public static string Button => Text();
    public static string CheckMailboxText => Text();
    public static string HaveAccount => Text();

    public static string ConfirmTitle => Text();
    public static string ConfirmLead => Text();
    public static string NameShownLabel => Text();
    public static string ConfirmButton => Text();
    public static string LinkInvalidTitle => Text();
    public static string LinkInvalidText => Text();
    public static string RegisterAgain => Text();
    public static string AccountExistsTitle => Text();
    public static string AccountExistsText => Text();
    public static string NotAllowedTitle => Text();
    public static string NotAllowedText => Text();

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);
}
