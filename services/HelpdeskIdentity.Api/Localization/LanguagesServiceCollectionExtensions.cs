using HelpdeskIdentity.Api.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Localization;

public static class LanguagesServiceCollectionExtensions
{
    /// <summary>The cookie that remembers a language chosen with <c>ui_locales</c> or the language links.</summary>
    public const string CookieName = "hdid.lang";

    /// <summary>Page language: <c>ui_locales</c>, then the remembered choice, then Accept-Language, then <c>Languages:Default</c>.</summary>
    public static void AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LanguageOptions, LanguageOptionsValidator>(LanguageOptions.Section);
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguageOptions>>((localization, languages) =>
        {
            localization.SetDefaultCulture(languages.Value.Default);
            localization.AddSupportedCultures([.. Languages.Supported]);
            localization.AddSupportedUICultures([.. Languages.Supported]);
            localization.FallBackToParentCultures = true;
            localization.FallBackToParentUICultures = true;
            localization.RequestCultureProviders =
            [
                new UiLocalesCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ];
        });
    }

    /// <summary>Sets the request's culture, and remembers a language the client or the user asked for by name.</summary>
    public static void UseLanguages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IRequestCultureFeature>() is { Provider: UiLocalesCultureProvider, RequestCulture: var chosen }
                && context.Request.Cookies[CookieName] is var current
                && CookieRequestCultureProvider.MakeCookieValue(chosen) is var value && value != current)
            {
                context.Response.Cookies.Append(CookieName, value, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(365),
                });
            }

            return next(context);
        });
    }
}
