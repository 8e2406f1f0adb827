using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// Started ceremonies (docs/decisions/0039): the options, challenge included, stay on the server under the hash of a
/// random handle; the handle goes only into an HttpOnly, SameSite=Strict cookie of the browser that started it. Finishing
/// takes the row (deleting it), so a challenge is answered once, only by that browser, only for its purpose, and only
/// before <see cref="PasskeyOptions.CeremonyLifetime"/>. A browser has one ceremony at a time: a newer one replaces it.
/// </summary>
public sealed class PasskeyCeremonies(IPasskeyStore store, IOptions<PasskeyOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public const string CookieName = "hdid.passkey";
    private const string CookiePath = "/account";

    public async Task StartAsync(HttpContext context, string purpose, Guid? accountId, string? binding, string optionsJson, CancellationToken cancellationToken)
    {
        var (handle, hash) = LinkHandles.New();
        var lifetime = options.Value.CeremonyLifetime;
        await store.StartCeremonyAsync(new PasskeyCeremony(hash, purpose, accountId, binding, optionsJson), clock.GetUtcNow() + lifetime, cancellationToken);
        context.Response.Cookies.Append(CookieName, handle, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps || !ProductionGuard.IsLocal(environment),
            Path = CookiePath,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    /// <summary>This browser's ceremony for <paramref name="purpose"/>, taken (it cannot be taken again); null when there is none.</summary>
    public async Task<PasskeyCeremony?> TakeAsync(HttpContext context, string purpose, CancellationToken cancellationToken)
    {
        var handle = context.Request.Cookies[CookieName];
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        return LinkHandles.HashOf(handle) is { } hash
            ? await store.TakeCeremonyAsync(hash, purpose, clock.GetUtcNow(), cancellationToken)
            : null;
    }
}
