using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// The account pages' forms are small (an address, a name, passwords of at most 1024 characters): a post to
/// <c>/account/*</c> may carry at most <see cref="MaxBodyBytes"/>. A larger declared body is answered 413 before
/// anything reads it (the rate limiter reads the form to find the address); on servers that enforce it (Kestrel), a
/// chunked body is cut off at the same size (review finding 7).
/// </summary>
public static class AccountPostLimits
{
    public const int MaxBodyBytes = 64 * 1024;

    public static void UseAccountPostLimits(this WebApplication app) => app.Use((context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/account"))
        {
            return next(context);
        }

        if (!RequestBodyLimit.TryApply(context, MaxBodyBytes))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    });
}
