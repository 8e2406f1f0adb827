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
        var (parameters, repeated) = await ReadParametersAsync(context.Request);
        var validation = await validator.ValidateAsync(parameters, repeated, context.RequestAborted);
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
    /// without <c>prompt</c> and <c>max_age</c>, so the return does not ask again (with <c>max_age=0</c> it would ask
    /// forever) but issues the code for whoever signed in then. The ID token's <c>auth_time</c> tells the client when
    /// that was (OIDC Core §3.1.2.1), which is all either parameter could ever promise it.
    /// </summary>
    private static ProtocolRedirectResult ToHostPage(string page, IReadOnlyDictionary<string, string> parameters, AuthorizeRequest request)
    {
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path,
            parameters.Where(p => p.Key is not ("prompt" or "max_age")).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        return new ProtocolRedirectResult(page,
            [new("returnUrl", returnUrl), new("login_hint", request.LoginHint), new("ui_locales", request.UiLocales)]);
    }

    private ProtocolRedirectResult ErrorRedirect(string redirectUri, string? state, ProtocolError error) =>
        new(redirectUri, [new("error", error.Error), new("error_description", error.Description), new("state", state), new("iss", _options.Issuer)]);

    /// <summary>The single-valued parameters, and the names of any sent more than once (which validation refuses).</summary>
    private static async Task<(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Repeated)> ReadParametersAsync(HttpRequest request)
    {
        var source = HttpMethods.IsPost(request.Method) && request.HasFormContentType
            ? (await request.ReadFormAsync()).Select(p => (p.Key, p.Value))
            : request.Query.Select(p => (p.Key, p.Value));
        var all = source.ToList();
        return (all.Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal),
            all.Where(p => p.Value.Count > 1).Select(p => p.Key).ToList());
    }
}
