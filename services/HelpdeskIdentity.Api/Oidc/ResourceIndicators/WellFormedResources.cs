using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.ResourceIndicators;

/// <summary>
/// RFC 8707 §2: each <c>resource</c> is an absolute URI without a fragment, and a malformed one is
/// <c>invalid_target</c>. Runs just before OpenIddict's own format check at the authorization, pushed authorization
/// and token endpoints, which says <c>invalid_request</c> — and which reads the values through
/// <c>GetResources()</c>, which drops an empty one: <c>resource=</c> would otherwise pass as no resource at all and get
/// the widest token. The raw values are read here, so an empty value is refused too.
/// </summary>
internal sealed class WellFormedResources
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidatePushedAuthorizationRequestContext>,
      IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    private const string Refusal = "Each resource must be an absolute URI without a fragment (RFC 8707 section 2).";

    public static OpenIddictServerHandlerDescriptor Authorization { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<WellFormedResources>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidateResourceParameter.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor PushedAuthorization { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidatePushedAuthorizationRequestContext>()
        .UseSingletonHandler<WellFormedResources>()
        .SetOrder(OpenIddictServerHandlers.Authentication.ValidatePushedResourceParameter.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public static OpenIddictServerHandlerDescriptor Token { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<WellFormedResources>()
        .SetOrder(OpenIddictServerHandlers.Exchange.ValidateResourceParameter.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!WellFormed(context.Request))
        {
            context.Reject(Errors.InvalidTarget, Refusal);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ValidatePushedAuthorizationRequestContext context)
    {
        if (!WellFormed(context.Request))
        {
            context.Reject(Errors.InvalidTarget, Refusal);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (!WellFormed(context.Request))
        {
            context.Reject(Errors.InvalidTarget, Refusal);
        }

        return ValueTask.CompletedTask;
    }

    private static bool WellFormed(OpenIddictRequest request) =>
        request.GetParameter(Parameters.Resource) is not { } resource
        || ((StringValues)resource).All(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc && uri.Fragment.Length == 0);
}
