using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace HelpdeskIdentity.Api.Localization;

/// <summary>
/// The language an OIDC client asked for with <c>ui_locales</c>: on the page's own query (the language
/// links, the authorization endpoint's redirect) or inside the local <c>returnUrl</c> the page continues to.
/// </summary>
public sealed class UiLocalesCultureProvider : RequestCultureProvider
{
    public const string Parameter = "ui_locales";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var query = httpContext.Request.Query;
        var language = Languages.Match(query[Parameter]) ?? Languages.Match(FromReturnUrl(query["returnUrl"]));
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }

    private static string? FromReturnUrl(string? returnUrl)
    {
        if (returnUrl is not { Length: > 1 and <= 4000 } || returnUrl[0] != '/' || returnUrl[1] is '/' or '\\'
            || returnUrl.IndexOf('?', StringComparison.Ordinal) is not (>= 0 and var question))
        {
            return null;
        }

        return QueryHelpers.ParseQuery(returnUrl[question..]).TryGetValue(Parameter, out var value) ? value.ToString() : null;
    }
}
