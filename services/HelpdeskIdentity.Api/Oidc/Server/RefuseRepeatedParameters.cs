using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// RFC 6749 §3.1: request parameters must not be included more than once. OpenIddict would read a repeated
/// authorization parameter as several values; this refuses it as <c>invalid_request</c> first (shown as a page when it
/// is the client or redirect URI, else returned to the client — see AuthorizeEndpoint).
/// </summary>
internal sealed class RefuseRepeatedParameters : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseSingletonHandler<RefuseRepeatedParameters>()
        .SetOrder(int.MinValue + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        foreach (var (name, value) in context.Request.GetParameters())
        {
            if (value.Count > 1)
            {
                context.Reject(Errors.InvalidRequest, $"The parameter '{name}' appears more than once.");
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
