using HelpdeskIdentity.Api.Audit;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// A code or refresh token presented again after it was spent (beyond the refresh grace period) is a replay: OpenIddict
/// refuses it and revokes the tokens of its authorization; this handler, just before, also revokes the authorization
/// itself — so the access tokens it was issued stop working at userinfo and introspection (RFC 6749 §4.1.2, RFC 9700
/// §4.14.2) — and writes the replay to the audit trail.
/// </summary>
internal sealed class RevokeReplayedGrant(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, AuditTrail audit, TimeProvider clock)
    : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseScopedHandler<RevokeReplayedGrant>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (string.IsNullOrEmpty(context.TokenId))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(context.TokenId, context.CancellationToken);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken) || await WithinGraceAsync(context, token))
        {
            return;
        }

        var authorization = context.AuthorizationId is { } id ? await authorizations.FindByIdAsync(id, context.CancellationToken) : null;
        if (authorization is not null)
        {
            await authorizations.TryRevokeAsync(authorization, context.CancellationToken);
        }

        var subject = context.Principal?.GetClaim(Claims.Subject);
        await audit.RecordAsync(new AuditEntry(AuditEventTypes.TokenReplayDetected, Guid.TryParse(subject, out var account) ? account : null,
            Succeeded: false, Detail: context.Principal?.GetTokenType() == TokenTypeIdentifiers.RefreshToken ? "refresh_token" : "authorization_code",
            ClientId: context.Principal?.GetPresenters().FirstOrDefault(), SessionId: context.Principal?.GetClaim("sid")), CancellationToken.None);
    }

    /// <summary>A refresh token retried within <c>Oidc:RefreshTokenReuseLeeway</c> of its use is a lost response, not a replay.</summary>
    private async ValueTask<bool> WithinGraceAsync(ValidateTokenContext context, object token) =>
        context.Principal?.GetTokenType() == TokenTypeIdentifiers.RefreshToken
        && context.Options.RefreshTokenReuseLeeway is { } leeway
        && await tokens.GetRedemptionDateAsync(token, context.CancellationToken) is { } redeemed
        && clock.GetUtcNow() < redeemed + leeway;
}
