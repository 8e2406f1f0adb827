using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>The start page: who is signed in in this browser, or a way to sign in.</summary>
public sealed class IndexModel(IUserSession session, UserManager<Accounts.Account> users) : PageModel
{
    public Accounts.Account? Account { get; private set; }

    public async Task OnGetAsync()
    {
        if (await session.GetCurrentAsync(HttpContext) is { } current)
        {
            Account = await users.FindByIdAsync(current.SubjectId);
        }
    }
}
