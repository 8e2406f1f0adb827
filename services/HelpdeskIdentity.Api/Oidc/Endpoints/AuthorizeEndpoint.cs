using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace HelpdeskIdentity.Api.Oidc.Endpoints;

/// <summary>
/// <c>/connect/authorize</c> after OpenIddict validated the request (client, exact redirect URI, PKCE, scopes,
/// repeated parameters, a pushed request's <c>request_uri</c>): who is signed in here, is that recent and strong
/// enough (<c>max_age</c>, <c>acr_values</c>, <c>prompt</c>), and if not, the sign-in or registration page, which
/// returns here. Errors that cannot go back to the client get a page.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IUserSession sessions, UserPrincipals principals, PushedRequestSignIns pushedSignIns,
        IOptions<OidcOptions> options, TimeProvider clock)
    {
        if (context.GetOpenIddictServerResponse() is { Error: { } error } refused)
        {
            return await TrustedRedirectUriAsync(context, options.Value) is { } back
                ? ProtocolResults.ErrorRedirect(back, context.GetOpenIddictServerRequest()?.State, error, refused.ErrorDescription, options.Value.Issuer)
                : ProtocolResults.ErrorPage(error, refused.ErrorDescription);
        }

        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        var session = await sessions.GetCurrentAsync(context);
        var signedInForIt = pushedSignIns.SignedInFor(context, request, session);
        var tooOld = session is not null && ((!signedInForIt && MaxAge(request) is { } maxAge && (clock.GetUtcNow() - session.AuthenticatedAt).TotalSeconds > maxAge)
            || !await sessions.SatisfiesAsync(context, session, request.AcrValues));
        if (request.HasPromptValue(PromptValues.None) && (session is null || tooOld))
        {
            return ProtocolResults.Refuse(Errors.LoginRequired, "The user must sign in.");
        }

        if (request.HasPromptValue(PromptValues.Create) && !signedInForIt)
        {
            pushedSignIns.Remember(context, request, session);
            return ToHostPage(options.Value.RegistrationPath, request);
        }

        if (session is null || tooOld || (request.HasPromptValue(PromptValues.Login) && !signedInForIt))
        {
            pushedSignIns.Remember(context, request, session);
            return ToHostPage(options.Value.LoginPath, request);
        }

        var principal = await principals.ForSessionAsync(session, request.GetScopes(), request.GetResources(), context.RequestAborted);
        return principal is null
            ? ProtocolResults.Refuse(Errors.LoginRequired, "The account can no longer sign in.")
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// <c>max_age</c>, also from a pushed request, whose parameters OpenIddict restores as JSON strings. Compared in
    /// seconds: a TimeSpan of a max_age over about 9.2e11 overflows.
    /// </summary>
    private static long? MaxAge(OpenIddictRequest request) =>
        request.MaxAge ?? (long.TryParse((string?)request.GetParameter(Parameters.MaxAge), System.Globalization.NumberStyles.None, null, out var seconds) ? seconds : null);

    /// <summary>
    /// Where a refused request may be answered (RFC 6749 §4.1.2.1): OpenIddict shows every validation error locally,
    /// but only an unknown client or an unregistered, repeated or pushed redirect URI must not go back to the client; any
    /// other error (a bad scope, a missing PKCE challenge, an unsupported response type) returns to the client's exactly
    /// registered redirect URI with <c>state</c> and <c>iss</c>. Null: show the page.
    /// </summary>
    private static async Task<string?> TrustedRedirectUriAsync(HttpContext context, OidcOptions options)
    {
        var parameters = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await context.Request.ReadFormAsync()
            : context.Request.Query;
        var values = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (values.ContainsKey(Parameters.RequestUri)
            || !values.TryGetValue(Parameters.ClientId, out var clientId) || clientId.Count != 1
            || !values.TryGetValue(Parameters.RedirectUri, out var redirectUri) || redirectUri.Count != 1)
        {
            return null;
        }

        var client = options.Clients.FirstOrDefault(c => c.ClientId == clientId.ToString());
        return client is not null && client.RedirectUris.Contains(redirectUri.ToString(), StringComparer.Ordinal) ? redirectUri.ToString() : null;
    }

    /// <summary>
    /// To the host's sign-in page (or, for <c>prompt=create</c>, its registration page), which returns here afterwards;
    /// without <c>prompt</c> and <c>max_age</c>, so the return does not ask again (with <c>max_age=0</c> it would ask
    /// forever) but issues the code for whoever signed in then. The ID token's <c>auth_time</c> tells the client when
    /// that was (OIDC Core §3.1.2.1), which is all either parameter could ever promise it. A pushed request returns as
    /// <c>client_id</c> and <c>request_uri</c> plus its own <c>acr_values</c>: the second step reads them from the return
    /// URL (StepUp.WantsMultiFactorFor) to ask for the code even in a remembered browser, as for the same request sent
    /// directly — without them it skipped the code there, and authorize sent the browser back to sign in, forever.
    /// A plain request returns with every value of a repeated <c>resource</c> (RFC 8707 §2).
    /// </summary>
    private static IResult ToHostPage(string page, OpenIddictRequest request)
    {
        var parameters = request.RequestUri is { Length: > 0 } pushed
            ? [new(Parameters.ClientId, request.ClientId), new(Parameters.RequestUri, pushed), new(Parameters.AcrValues, request.AcrValues)]
            : request.GetParameters()
                .Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge))
                .SelectMany(p => ((Microsoft.Extensions.Primitives.StringValues)p.Value).Select(value => new KeyValuePair<string, string?>(p.Key, value))).ToList();
        var returnUrl = QueryHelpers.AddQueryString(OidcPaths.Authorize, parameters);
        var target = QueryHelpers.AddQueryString(page, new Dictionary<string, string?>
        {
            ["returnUrl"] = returnUrl,
            ["login_hint"] = request.LoginHint,
            ["ui_locales"] = request.UiLocales,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        return Results.Redirect(target);
    }
}
