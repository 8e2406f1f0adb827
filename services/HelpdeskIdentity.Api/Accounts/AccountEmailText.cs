using System.Resources;
using System.Runtime.CompilerServices;
using HelpdeskIdentity.Api.Localization;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>What the e-mail change and invitation e-mails say, in the current language (AccountEmailText.resx and its translations).</summary>
public static class AccountEmailText
{
    private static readonly ResourceManager Resources = new(typeof(AccountEmailText));

    public static string ConfirmEmailSubject => Text();
    public static string ConfirmEmailLead(string product, string newAddress) => Format([product, newAddress]);
    public static string ConfirmEmailAction(string lifetime) => Format([lifetime]);
    public static string ConfirmEmailButton => Text();
    public static string NothingChangesIgnore => Text();
    public static string EmailInUseSubject => Text();
    public static string EmailInUseLead(string product, string address) => Format([product, address]);
    public static string EmailInUseHint => Text();
    public static string EmailChangedSubject => Text();
    public static string EmailChangedLead(string product, string oldAddress, string newAddress) => Format([product, oldAddress, newAddress]);
    public static string EmailChangedWarning => Text();

    public static string InvitationSubject => Text();
    public static string InvitationLead(string product, string address) => Format([product, address]);
    public static string InvitationAction(string lifetime) => Format([lifetime]);
    public static string InvitationButton => Text();
    public static string InvitationLater => Text();
    public static string InvitationIgnore => Text();

    public static string LifetimeMinutes(int minutes) => Format([minutes]);
    public static string LifetimeOneHour => Text();
    public static string LifetimeHours(int hours) => Format([hours]);
    public static string LifetimeOneDay => Text();
    public static string LifetimeDays(int days) => Format([days]);

    /// <summary>How long a link works, in the largest whole unit: "7 days", "1 day", "36 hours", "1 hour", "90 minutes".</summary>
    public static string Lifetime(TimeSpan lifetime) => lifetime switch
    {
        { TotalDays: 1 } => LifetimeOneDay,
        { TotalDays: > 1 } when lifetime.Ticks % TimeSpan.TicksPerDay == 0 => LifetimeDays((int)lifetime.TotalDays),
        { TotalHours: 1 } => LifetimeOneHour,
        { TotalHours: > 1 } when lifetime.Ticks % TimeSpan.TicksPerHour == 0 => LifetimeHours((int)lifetime.TotalHours),
        _ => LifetimeMinutes((int)Math.Ceiling(lifetime.TotalMinutes)),
    };

    private static string Text([CallerMemberName] string key = "") => LocalizedText.Get(Resources, key);

    private static string Format(object?[] arguments, [CallerMemberName] string key = "") => LocalizedText.Format(Resources, key, arguments);
}
