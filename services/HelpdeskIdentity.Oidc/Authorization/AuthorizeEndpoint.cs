using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Grants;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Oidc.Authorization;

/// <summary>
/// <c>/connect/authorize</c>: validates the request, asks the host who is signed in, sends the
/// browser to sign in when needed (or to register, for <c>prompt=create</c>), and returns a single-use code with <c>state</c> and <c>iss</c>
/// (RFC 9207) to the registered redirect URI.
/// </summary>
public sealed class AuthorizeEndpoint(AuthorizeRequestValidator validator, IUserSession sessions, IGrantStore grants, IOptions<OidcOptions> options, TimeProvider clock)
{
    public const string Path = "/connect/authorize";
    private readonly OidcOptions _options = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var parameters = await ReadParametersAsync(context.Request);
        var validation = await validator.ValidateAsync(parameters, context.RequestAborted);
        if (validation.Request is not { } request)
        {
            return validation.RedirectUri is null ? new ErrorPageResult(validation.Error!) : ErrorRedirect(validation.RedirectUri, validation.State, validation.Error!);
        }

        var now = clock.GetUtcNow();
        var session = await sessions.GetCurrentAsync(context);
        var tooOld = session is not null && ((request.MaxAge is { } maxAge && now - session.AuthenticatedAt > maxAge)
            || !await sessions.SatisfiesAsync(context, session, request.AcrValues));
        if (request.Prompt == "none" && (session is null || tooOld))
        {
            return ErrorRedirect(request.RedirectUri, request.State, new ProtocolError("login_required", "The user must sign in."));
        }

        if (request.Prompt?.Split(' ').Contains("create") == true)
        {
            return ToHostPage(_options.RegistrationPath, parameters, request);
        }

        if (session is null || tooOld || request.Prompt == "login")
        {
            return ToHostPage(_options.LoginPath, parameters, request);
        }

        var code = Secrets.NewHandle();
        await grants.StoreCodeAsync(new AuthorizationCode(
            Secrets.Hash(code), request.Client.ClientId, request.RedirectUri, session.SubjectId, session.SessionId, session.AuthenticatedAt,
            request.Scopes, request.Nonce, request.CodeChallenge, now + _options.AuthorizationCodeLifetime, session.Methods), context.RequestAborted);
        return new ProtocolRedirectResult(request.RedirectUri, [new("code", code), new("state", request.State), new("iss", _options.Issuer)]);
    }

    /// <summary>
    /// To the host's sign-in page (or, for <c>prompt=create</c>, its registration page), which returns here afterwards;
    /// without <c>prompt</c>, so the return does not ask again but issues the code for whoever is signed in then.
    /// </summary>
    private static ProtocolRedirectResult ToHostPage(string page, IReadOnlyDictionary<string, string> parameters, AuthorizeRequest request)
    {
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path,
            parameters.Where(p => p.Key != "prompt").Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        return new ProtocolRedirectResult(page,
            [new("returnUrl", returnUrl), new("login_hint", request.LoginHint), new("ui_locales", request.UiLocales)]);
    }

    private ProtocolRedirectResult ErrorRedirect(string redirectUri, string? state, ProtocolError error) =>
        new(redirectUri, [new("error", error.Error), new("error_description", error.Description), new("state", state), new("iss", _options.Issuer)]);

    private static async Task<IReadOnlyDictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        var source = HttpMethods.IsPost(request.Method) && request.HasFormContentType
            ? (await request.ReadFormAsync()).Select(p => (p.Key, p.Value))
            : request.Query.Select(p => (p.Key, p.Value));
        // A repeated parameter is ambiguous: keep none of it, so validation refuses the request.
        return source.Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }
}
