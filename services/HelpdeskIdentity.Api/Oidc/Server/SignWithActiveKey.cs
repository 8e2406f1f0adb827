using HelpdeskIdentity.Oidc.Keys;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// Every JWT this provider signs (ID tokens, access tokens) is signed with the key our PostgreSQL key ring says is
/// active now (<see cref="SigningKeys"/>: announced before use, shared by every instance), not with the start-up key
/// OpenIddict's options hold.
/// </summary>
internal sealed class SignWithActiveKey(SigningKeys keys) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<SignWithActiveKey>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.SigningCredentials is not null)
        {
            context.SigningCredentials = (await keys.GetAsync(context.CancellationToken)).Signing;
        }
    }
}
