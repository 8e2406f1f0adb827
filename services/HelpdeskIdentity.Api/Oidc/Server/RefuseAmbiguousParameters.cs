using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Two requests OpenIddict would let through ambiguous, refused as <c>invalid_request</c> (shown as a page when the
/// client or redirect URI is in doubt, else returned to the client — see AuthorizeEndpoint): a repeated parameter
/// (RFC 6749 §3.1: parameters must not be included more than once) other than <c>resource</c> (RFC 8707 §2: one
/// for each resource the token is for), and <c>prompt=none</c> with any other value
/// (OIDC Core §3.1.2.1). At the authorization endpoint and at <c>/connect/par</c>: a pushed request's parameters reach
/// the authorization endpoint only as OpenIddict stored them, where a repeated value has already become null. At the
/// token endpoint too, where OpenIddict reads a repeated parameter as absent: <c>scope=a&amp;scope=nonsense</c> got every
/// scope the client may have, where <c>scope=nonsense</c> alone is <c>invalid_scope</c>.
/// </summary>
internal sealed class RefuseAmbiguousParameters
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidatePushedAuthorizationRequestContext>,
      IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<RefuseAmbiguousParameters>()
        .SetOrder(int.MinValue + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor PushedAuthorization { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidatePushedAuthorizationRequestContext>()
        .UseSingletonHandler<RefuseAmbiguousParameters>()
        .SetOrder(int.MinValue + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor Token { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<RefuseAmbiguousParameters>()
        .SetOrder(int.MinValue + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (Ambiguity(context.Request) is { } ambiguity)
        {
            context.Reject(Errors.InvalidRequest, ambiguity);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ValidatePushedAuthorizationRequestContext context)
    {
        if (Ambiguity(context.Request) is { } ambiguity)
        {
            context.Reject(Errors.InvalidRequest, ambiguity);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (Ambiguity(context.Request) is { } ambiguity)
        {
            context.Reject(Errors.InvalidRequest, ambiguity);
        }

        return ValueTask.CompletedTask;
    }

    private static string? Ambiguity(OpenIddictRequest request)
    {
        if (request.GetParameters().FirstOrDefault(p => p.Value.Count > 1 && p.Key != Parameters.Resource) is { Key: { } repeated })
        {
            return $"The parameter '{repeated}' appears more than once.";
        }

        return request.HasPromptValue(PromptValues.None) && request.GetPromptValues().Length > 1
            ? "prompt=none cannot be combined with other values."
            : null;
    }
}
