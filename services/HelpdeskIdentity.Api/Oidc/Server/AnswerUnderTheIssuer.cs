using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Once OpenIddict knows which endpoint a request is for, every absolute URI it writes (the endpoints in discovery)
/// is built on <c>Oidc:Issuer</c>, never on the request's Host header, which anyone can set.
/// </summary>
internal sealed class AnswerUnderTheIssuer : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
        .UseSingletonHandler<AnswerUnderTheIssuer>()
        .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        context.BaseUri = context.Options.Issuer;
        return ValueTask.CompletedTask;
    }
}
