using System.Diagnostics.CodeAnalysis;
using HelpdeskIdentity.Api.MailAddresses;
using Microsoft.AspNetCore.Identity;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// Identity's look-up key for names and e-mail addresses: the canonical address
/// (<see cref="MailboxAddress.Address"/>) that <c>users.normalized_email</c> holds, so
/// <c>Jan@Example.NL</c> finds the account intake created as <c>jan@example.nl</c>.
/// Input that is not an address is trimmed and lower-cased.
/// </summary>
public sealed class MailboxLookupNormalizer : ILookupNormalizer
{
    [return: NotNullIfNotNull(nameof(name))]
    public string? NormalizeName(string? name) => Normalize(name);

    [return: NotNullIfNotNull(nameof(email))]
    public string? NormalizeEmail(string? email) => Normalize(email);

    [return: NotNullIfNotNull(nameof(value))]
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return MailboxParser.Parse(value.Trim()).Mailbox is { } mailbox
            ? mailbox.Address
            : value.Trim().ToLowerInvariant();
    }
}
