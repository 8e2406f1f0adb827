using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace HelpdeskIdentity.Api.Oidc.Server;

/// <summary>
/// A client that fails to authenticate (wrong secret, a bad or replayed assertion, an unknown client id) at the token,
/// PAR, introspection or revocation endpoint is logged at <c>Warning</c> (OWASP ASVS 5 V16: failed authentication is
/// logged). OpenIddict itself writes that line at <c>Information</c>, among four per request, and runs at
/// <c>Warning</c> here (decision 0049). The client id is the caller's claim, cut to 100 characters; no secret is logged.
/// </summary>
internal sealed partial class LogClientAuthenticationFailures(ILogger<LogClientAuthenticationFailures> logger) : IOpenIddictServerHandler<ProcessErrorContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
        .UseSingletonHandler<LogClientAuthenticationFailures>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        if (context.Error == Errors.InvalidClient)
        {
            var clientId = context.Request?.ClientId ?? "(none)";
            LogRefused(context.EndpointType, clientId.Length > 100 ? clientId[..100] : clientId, context.ErrorDescription ?? "");
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client authentication failed at the {Endpoint} endpoint for client {ClientId}: {Reason}")]
    private partial void LogRefused(OpenIddictServerEndpointType endpoint, string clientId, string reason);
}
