using System.Text.Json;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Oidc.Endpoints;

namespace HelpdeskIdentity.Api.Oidc;

/// <summary>
/// Reads the form of every <c>POST /connect/*</c> before the protocol endpoints do, so a body the
/// form reader refuses (a NUL character, more than 1,024 fields, a key over 2,048 characters, a value
/// over 4 MiB) is answered 400 <c>invalid_request</c> and a body over <see cref="MaxBodyBytes"/> 413,
/// never a 500. The form it read stays on the request, so the endpoint does not read it twice. A pushed authorization
/// request is stored for an hour and anyone may push one for a public client, so <c>/connect/par</c> takes no more than
/// <see cref="MaxPushedBodyBytes"/>: what a front-channel request could carry, not a megabyte row per anonymous request.
/// </summary>
public sealed class ProtocolFormGuard(RequestDelegate next, ILogger<ProtocolFormGuard> logger)
{
    /// <summary>No protocol request comes near this; a signed request object or client assertion is a few KB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Twice Kestrel's default header limit (32 KB), which bounds an authorization request sent as a URL.</summary>
    public const long MaxPushedBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
            || !request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var maxBytes = request.Path.StartsWithSegments(OidcPaths.PushedAuthorization, StringComparison.OrdinalIgnoreCase) ? MaxPushedBodyBytes : MaxBodyBytes;
        if (!RequestBodyLimit.TryApply(context, maxBytes))
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes:N0} bytes.");
            return;
        }

        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException unreadable)
        {
            logger.LogWarning("Refused an unreadable form on {Path}: {Reason}", request.Path.Value, unreadable.Message);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The form body cannot be read: {unreadable.Message}");
            return;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes:N0} bytes.");
            return;
        }

        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string description)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = description }), context.RequestAborted);
    }
}
