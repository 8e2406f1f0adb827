using System.Text.Json;
using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>
/// The admin API's request bodies: a JSON object of at most <see cref="MaxBodyBytes"/>, read by the route itself. Every
/// refusal is a problem the caller can act on (400 naming <c>body</c>, 413), never a binding exception logged as a
/// server error; a field of the wrong JSON type is the route's to name.
/// </summary>
internal static class AdminJsonBody
{
    /// <summary>An organisation's name or a domain is at most 253 characters; no admin body comes near this.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static async Task<(JsonElement Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!RequestBodyLimit.TryApply(request.HttpContext, MaxBodyBytes))
        {
            return (default, TooLarge());
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, AdminProblems.Invalid("body", "is not a JSON object"));
        }
        catch (JsonException)
        {
            return (default, AdminProblems.Invalid("body", "is not a JSON object"));
        }
        catch (BadHttpRequestException unreadable) when (unreadable.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }
        catch (BadHttpRequestException)
        {
            return (default, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid",
                detail: "The request body could not be read to its end."));
        }
    }

    /// <summary>The value as text when it is a JSON string that holds valid text; null for another type or an escaped lone surrogate.</summary>
    public static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // "\ud800": the JSON reader refuses to make it a string
        }
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
        detail: $"An admin API request body is at most {MaxBodyBytes:N0} bytes.");
}
