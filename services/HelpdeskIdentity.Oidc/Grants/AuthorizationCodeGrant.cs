using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Configuration;
using HelpdeskIdentity.Oidc.Results;
using HelpdeskIdentity.Oidc.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>
/// <c>authorization_code</c>: the code must belong to this client and redirect URI, and the PKCE
/// verifier must match its S256 challenge (a verifier without a challenge is refused too: no
/// downgrade, RFC 9700 §2.1.1); only then is it spent, atomically, and a replay by the same client
/// revokes what the first use issued.
/// </summary>
public sealed partial class AuthorizationCodeGrant(IGrantStore grants, RefreshTokens refreshTokens, UserTokenIssuer issuer, TimeProvider clock) : IGrantHandler
{
    public string GrantType => GrantTypes.AuthorizationCode;

    public async Task<IResult> HandleAsync(OidcClient client, IFormCollection form, CancellationToken cancellationToken)
    {
        var handle = form["code"].ToString();
        if (handle.Length == 0)
        {
            return JsonResult.Error(ProtocolError.InvalidRequest("code is required."));
        }

        if (handle.Length > Secrets.MaxHandleLength)
        {
            return JsonResult.Error(ProtocolError.InvalidGrant($"The code is {handle.Length:N0} characters long; this provider never issues one longer than {Secrets.MaxHandleLength}."));
        }

        // Nothing is spent until the request proves it may spend it: the code's own client, its
        // redirect URI and its PKCE verifier. Anyone else who saw the code can neither burn it nor
        // trigger the replay revocation of what the rightful client was issued.
        var codeHash = Secrets.Hash(handle);
        var code = await grants.FindCodeAsync(codeHash, client.ClientId, cancellationToken);
        if (code is null || code.ExpiresAt <= clock.GetUtcNow())
        {
            return JsonResult.Error(ProtocolError.InvalidGrant("The code is invalid, expired, or was issued to another client."));
        }

        if (form["redirect_uri"].ToString() != code.RedirectUri)
        {
            return JsonResult.Error(ProtocolError.InvalidGrant("redirect_uri does not match the authorization request."));
        }

        if (VerifierProblem(code.CodeChallenge, form["code_verifier"].ToString()) is { } problem)
        {
            return JsonResult.Error(ProtocolError.InvalidGrant(problem));
        }

        if (!await grants.SpendCodeAsync(codeHash, client.ClientId, clock.GetUtcNow(), cancellationToken))
        {
            return JsonResult.Error(ProtocolError.InvalidGrant("The code was already used; what it was exchanged for is revoked."));
        }

        var grant = new UserGrant(client.ClientId, code.SubjectId, code.SessionId, code.AuthenticatedAt, code.Scopes, code.Nonce, code.Methods);
        (string Handle, Guid FamilyId)? refresh = client.AllowedGrantTypes.Contains(GrantTypes.RefreshToken) && code.Scopes.Contains(StandardScopes.OfflineAccess)
            ? await refreshTokens.StartFamilyAsync(grant, cancellationToken)
            : null;
        if (await issuer.IssueAsync(grant, refresh?.Handle, cancellationToken) is not { } tokens)
        {
            return JsonResult.Error(ProtocolError.InvalidGrant("The user can no longer sign in."));
        }

        await grants.RecordCodeTokensAsync(codeHash, client.ClientId, tokens.AccessToken.TokenId, tokens.AccessToken.ExpiresAt, refresh?.FamilyId, cancellationToken);
        return tokens.Response;
    }

    private static string? VerifierProblem(string? challenge, string verifier)
    {
        if (challenge is null)
        {
            return verifier.Length == 0 ? null : "code_verifier was sent but the authorization request had no code_challenge.";
        }

        if (!Verifier().IsMatch(verifier))
        {
            return "code_verifier is missing or not 43-128 unreserved characters (RFC 7636 §4.1).";
        }

        var computed = Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge)) ? null : "code_verifier does not match the code_challenge.";
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex Verifier();
}
