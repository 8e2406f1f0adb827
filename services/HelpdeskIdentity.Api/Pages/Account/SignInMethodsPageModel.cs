using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>
/// A page that changes how the account signs in (two-step verification, passkeys): opening it and each of its
/// handlers need a recent proof of who the person is (<see cref="RecentProof"/>, docs/decisions/0056); without one the
/// browser goes to the confirm-access page and comes back here, and nothing changes.
/// </summary>
public abstract class SignInMethodsPageModel(RecentProof recent) : AccountPageModel
{
    /// <summary>A handler that changes nothing a sign-in depends on, and so asks for no proof (by its name, e.g. "Rename").</summary>
    protected virtual bool IsHarmless(string? handler) => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!IsHarmless(context.HandlerMethod?.Name) && !await recent.IsRecentAsync(HttpContext))
        {
            context.Result = RecentProof.Ask(Request.Path.Value ?? "/");
            return;
        }

        await next();
    }
}
