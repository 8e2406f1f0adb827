using HelpdeskIdentity.Api.MailAddresses;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// The one rule for a person's name, on every path a name comes in (a ticket's From header, the register and
/// set-password forms, the account page, the operator command): a name as people write it, at most
/// <see cref="MaxLength"/> characters, with no control or invisible formatting characters (bidirectional overrides
/// such as U+202E, zero-width characters), no broken Unicode, and nothing that reads as an address or a link — a
/// name is written into e-mails and shown beside the address, so it must not become a way to show anyone a
/// different address or send them a link (docs/security.md, findings 2 and 10).
/// </summary>
public static class PersonName
{
    public const int MaxLength = 200;

    /// <summary>Whether the (trimmed) name is acceptable; an empty name is not a name.</summary>
    public static bool IsAcceptable(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength || UnicodeText.ContainsUnpairedSurrogate(name)
            || UnicodeText.ContainsControlOrFormatCharacter(name))
        {
            return false;
        }

        return !name.Contains('@') && !name.Contains("://", StringComparison.Ordinal)
            && !name.Contains("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The trimmed name when acceptable, otherwise null (a ticket's unacceptable name is dropped, the ticket kept).</summary>
    public static string? Acceptable(string? name) => name?.Trim() is { } trimmed && IsAcceptable(trimmed) ? trimmed : null;
}
