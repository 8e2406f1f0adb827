using HelpdeskIdentity.Oidc.Clients;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>A back-channel request after client authentication: its form and client, or the <see cref="Refusal"/> to send.</summary>
public sealed record AuthenticatedRequest(IFormCollection? Form, OidcClient? Client, IResult? Refusal);
