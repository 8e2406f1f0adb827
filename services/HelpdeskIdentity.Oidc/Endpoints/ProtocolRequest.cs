using HelpdeskIdentity.Oidc.Clients;
using HelpdeskIdentity.Oidc.Results;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>The start every back-channel endpoint shares: a form POST, then an authenticated client.</summary>
public static class ProtocolRequest
{
    /// <summary>The form and the authenticated client, or the error response to send instead.</summary>
    public static async Task<AuthenticatedRequest> AuthenticateAsync(HttpContext context, ClientAuthenticator authenticator)
    {
        var (form, invalid) = await ReadFormAsync(context.Request, context.RequestAborted);
        if (form is null)
        {
            return new AuthenticatedRequest(null, null, JsonResult.Error(invalid!));
        }

        var authentication = await authenticator.AuthenticateAsync(context.Request, form, context.RequestAborted);
        return authentication.Client is { } client
            ? new AuthenticatedRequest(form, client, null)
            : new AuthenticatedRequest(null, null, JsonResult.Error(authentication.Error!));
    }

    public static async Task<(IFormCollection? Form, ProtocolError? Error)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ProtocolError.InvalidRequest("Send a POST with Content-Type application/x-www-form-urlencoded."));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        // RFC 6749 §3.2: parameters must not be repeated.
        var repeated = form.FirstOrDefault(p => p.Value.Count > 1).Key;
        return repeated is null ? (form, null) : (null, ProtocolError.InvalidRequest($"The parameter '{repeated}' appears more than once."));
    }
}
