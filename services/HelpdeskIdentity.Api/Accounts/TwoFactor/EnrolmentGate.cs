using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Server;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// Keeps a signed-in account that the policy requires a second factor of, and that has none, away from the clients
/// (docs/decisions/0040): its authorization requests go to <see cref="Path"/> first, with the request as the return URL,
/// however the session began (a sign-in before the policy changed included). The account pages stay open, so the person
/// can set one up. When the policy asks nothing of anyone, this costs nothing.
/// </summary>
public sealed class EnrolmentGate(RequestDelegate next)
{
    public const string Path = "/account/enrol";

    public async Task InvokeAsync(HttpContext context)
    {
        // Whatever path OpenIddict took for its authorization endpoint (any casing, a trailing slash), and only there:
        // every other request (tokens, pages, assets) builds no user manager.
        if (context.GetOpenIddictServerEndpointType() == OpenIddictServerEndpointType.Authorization
            && context.RequestServices.GetRequiredService<EnrolmentRequirement>() is { Active: true } requirement
            && await context.RequestServices.GetRequiredService<SignedInAccounts>().FindAsync(context) is { } account
            && await requirement.MustEnrolAsync(account, context.RequestAborted))
        {
            context.Response.Redirect(QueryHelpers.AddQueryString(Path, "returnUrl", context.Request.Path + context.Request.QueryString));
            return;
        }

        await next(context);
    }
}
