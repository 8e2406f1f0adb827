using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>The start page: the signed-in account (address, verified or not, what can be changed), or a way to sign in.</summary>
public sealed class IndexModel(SignedInAccounts accounts) : PageModel
{
    public Accounts.Account? Account { get; private set; }

    public async Task OnGetAsync() => Account = await accounts.FindAsync(HttpContext);
}
