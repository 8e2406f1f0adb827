using System.Globalization;

namespace HelpdeskIdentity.Api.MailAddresses;

/// <summary>
/// Normalises the domain of an address: trailing dot removed, NFC, IDNA (UTS 46 with STD3 rules) to the ASCII
/// A-label form, lower-cased; then checked to be a DNS host name of at least two labels. Never throws.
/// </summary>
internal static class DomainNameNormalizer
{
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    public static MailboxParseResult? Normalize(string domain, out string asciiDomain, out string unicodeDomain)
    {
        asciiDomain = unicodeDomain = string.Empty;
        var text = domain.EndsWith('.') ? domain[..^1] : domain;
        if (!UnicodeText.TryNormalizeNfc(text, out var normalized))
        {
            return Invalid("The domain is not valid Unicode.");
        }

        var idn = new IdnMapping { UseStd3AsciiRules = true };
        try
        {
            asciiDomain = idn.GetAscii(normalized).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Invalid("The domain is not a valid (internationalised) domain name.");
        }

        if (DescribeHostNameProblem(asciiDomain) is { } problem)
        {
            return Invalid(problem);
        }

        try
        {
            unicodeDomain = idn.GetUnicode(asciiDomain);
        }
        catch (ArgumentException)
        {
            return Invalid("The domain has an A-label that does not decode.");
        }

        return null;
    }

    private static string? DescribeHostNameProblem(string domain)
    {
        if (domain.Length > MaxDomainLength)
        {
            return "The domain is longer than 253 characters.";
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return "The domain has a single label; a public host name has at least two.";
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength)
            {
                return "A domain label is empty or longer than 63 characters.";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return "A domain label starts or ends with a hyphen.";
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                {
                    return "A domain label has a character other than a letter, digit or hyphen.";
                }
            }
        }

        foreach (var c in labels[^1])
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        return "The top-level domain is numeric.";
    }

    private static MailboxParseResult Invalid(string message) =>
        MailboxParseResult.Invalid(MailboxParseReasons.InvalidDomain, message);
}
