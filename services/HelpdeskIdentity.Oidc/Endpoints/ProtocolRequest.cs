using HelpdeskIdentity.Oidc.Results;
using Microsoft.AspNetCore.Http;

namespace HelpdeskIdentity.Oidc.Endpoints;

/// <summary>Reads the form of a back-channel POST, refusing anything that is not one.</summary>
public static class ProtocolRequest
{
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
