using HelpdeskIdentity.Api.Sessions;
using HelpdeskIdentity.Oidc.Sessions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// The start page: the signed-in account (address, verified or not, name, what can be changed, where it is signed in
/// with "sign out everywhere else"), or a way to sign in.
/// </summary>
public sealed class IndexModel(SignedInAccounts accounts, IUserSession session, ServerSessions sessions) : PageModel
{
    public Accounts.Account? Account { get; private set; }

    /// <summary>The account's live sessions, most recently active first.</summary>
    public IReadOnlyList<ServerSession> Sessions { get; private set; } = [];

    /// <summary>This browser's session id.</summary>
    public string? CurrentSessionId { get; private set; }

    /// <summary>How many other sessions "sign out everywhere else" just ended, shown once.</summary>
    public int? EndedOthers { get; private set; }

    public async Task OnGetAsync(int? ended)
    {
        Account = await accounts.FindAsync(HttpContext);
        if (Account is not null && await session.GetCurrentAsync(HttpContext) is { } current)
        {
            CurrentSessionId = current.SessionId;
            Sessions = await sessions.ListAsync(Account.Id, HttpContext.RequestAborted);
            EndedOthers = ended is >= 0 ? ended : null;
        }
    }

    /// <summary>A time as the account page shows it (UTC, to the minute).</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
