using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// A page's redirect to a local URL someone typed (a <c>returnUrl</c> such as <c>/été</c>) is sent with its non-ASCII
/// characters, spaces and control characters percent-encoded (UTF-8), as a browser would have sent them. Kestrel refuses a <c>Location</c> header
/// holding them: the sign-in had happened, and the person got a 500.
/// </summary>
public sealed class AsciiRedirects : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is RedirectResult { Url: var url } redirect && url.Any(c => c is <= ' ' or > '~'))
        {
            redirect.Url = Encode(url);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static string Encode(string url)
    {
        var encoded = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and <= '~')
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
