using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace HelpdeskIdentity.Api.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>The Razor Pages (sign-in and friends), their branding, and antiforgery.</summary>
    public static void AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<BrandingOptions, BrandingOptionsValidator>(BrandingOptions.Section);

        var plainHttpAllowed = ProductionGuard.IsLocal(builder.Environment);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            // __Host-: Secure, this host only, path / (review finding 7); plain HTTP local runs cannot set such a cookie.
            antiforgery.Cookie.Name = plainHttpAllowed ? "hdid.antiforgery" : "__Host-hdid.antiforgery";
            antiforgery.Cookie.Path = "/";
            antiforgery.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            antiforgery.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY
        });
        builder.Services.AddRazorPages().AddMvcOptions(mvc =>
        {
            mvc.Filters.Add<AntiforgeryFailureLog>();
            mvc.Filters.Add<MethodNotAllowed>(); // never a page rendered without its handler
            mvc.Filters.Add<AsciiRedirects>(); // a Location header Kestrel accepts, whatever local URL was typed
        });
        // A refused antiforgery token is logged once, as a warning line, by AntiforgeryFailureLog.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Mvc.ViewFeatures.Filters.ValidateAntiforgeryTokenAuthorizationFilter", LogLevel.None);
        // Pages in Dutch, German and Swedish: write "å" and "ü" as themselves, not as &#229; (markup characters stay encoded).
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
    }

    /// <summary>
    /// A readable page for a bare status code on the page side; protocol, health and admin endpoints keep their own
    /// bodies. Before routing, so the re-executed request is routed to the error page.
    /// </summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) =>
        app.UseWhen(context => !IsMachineFacing(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

    /// <summary>Outside Development, <c>/account/*</c> over plain HTTP is refused (<see cref="HttpsPagesOnly"/>); after the error pages, which render its 403.</summary>
    public static IApplicationBuilder UseHttpsPages(this WebApplication app) =>
        ProductionGuard.IsLocal(app.Environment) ? app : app.UseMiddleware<HttpsPagesOnly>();

    /// <summary>The pages and the brand colour (the middleware they need is in Program.cs, in order).</summary>
    public static void MapPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/css/brand.css", (IOptions<BrandingOptions> branding) =>
            TypedResults.Text($":root {{ --brand: {branding.Value.PrimaryColor}; }}\n", "text/css"));
    }

    private static bool IsMachineFacing(PathString path) =>
        path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/admin");
}
