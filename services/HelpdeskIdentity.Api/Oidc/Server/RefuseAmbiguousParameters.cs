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
/// (OIDC Core §3.1.2.1).
/// </summary>
internal sealed class RefuseAmbiguousParameters : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<RefuseAmbiguousParameters>()
        .SetOrder(int.MinValue + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        foreach (var (name, value) in context.Request.GetParameters())
        {
            if (value.Count > 1 && name != Parameters.Resource)
            {
                context.Reject(Errors.InvalidRequest, $"The parameter '{name}' appears more than once.");
                return ValueTask.CompletedTask;
            }
        }

        if (context.Request.HasPromptValue(PromptValues.None) && context.Request.GetPromptValues().Length > 1)
        {
            context.Reject(Errors.InvalidRequest, "prompt=none cannot be combined with other values.");
        }

        return ValueTask.CompletedTask;
    }
}
