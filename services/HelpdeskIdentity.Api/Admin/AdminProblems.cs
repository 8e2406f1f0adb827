namespace HelpdeskIdentity.Api.Admin;

/// <summary>The admin API's errors as RFC 9457 problem details; validation problems name the field.</summary>
internal static class AdminProblems
{
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} has this id.");

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid", detail: $"{field}: {message}");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Writes a 401 or 403 problem from the authentication handler (there is no endpoint result there).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
