using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// A request no handler of the page answers (TRACE, OPTIONS, a POST to a page that only shows) is 405 with the methods
/// it does answer. Razor Pages would otherwise render the page without running any handler: past the checks its
/// handlers make (a pending sign-in, a link that still works), with the model they fill left empty — a 500 on the
/// registration link's page.
/// </summary>
public sealed class MethodNotAllowed : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The error page re-executed for a status code answers whatever the method was.
        if (context.HandlerMethod is not null || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        var methods = context.ActionDescriptor.HandlerMethods.Select(handler => handler.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Contains(HttpMethods.Get))
        {
            methods.Add(HttpMethods.Head);
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
