using HelpdeskIdentity.Api.RateLimiting;
using HelpdeskIdentity.Api.Telemetry;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// A post refused for its antiforgery token (missing, forged, another browser's, expired keys) is bad input, not an
/// operator's problem: one warning line with the path, the client and the reason, no stack trace. The framework's
/// own antiforgery log categories are silenced in <c>AddPages</c>.
/// </summary>
public sealed partial class AntiforgeryFailureLog(IAntiforgery antiforgery, ILogger<AntiforgeryFailureLog> logger) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            LogRefused(context.HttpContext.Request.Path, RateLimitPartitionKeys.Client(context.HttpContext), await ReasonAsync(context.HttpContext));
        }

        await next();
    }

    /// <summary>The framework's reason (fixed texts such as "The required antiforgery cookie … is not present."), bounded.</summary>
    private async Task<string> ReasonAsync(HttpContext context)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return "refused";
        }
        catch (AntiforgeryValidationException ex)
        {
            return UntrustedText.ForLog(ex.Message, maxLength: 200);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Antiforgery check refused a post to {Path} from {ClientIp}: {Reason}")]
    private partial void LogRefused(PathString path, string clientIp, string reason);
}
