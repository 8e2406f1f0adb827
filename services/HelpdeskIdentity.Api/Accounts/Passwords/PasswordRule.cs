namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>
/// One rule a new password must meet, to show before the user types: a stable <paramref name="Code"/>
/// (see <see cref="PasswordRuleCodes"/>), the <paramref name="Parameters"/> a translation fills in
/// (invariant-culture strings), and the text in the current language.
/// </summary>
public sealed record PasswordRule(string Code, IReadOnlyDictionary<string, string> Parameters, string Text);
