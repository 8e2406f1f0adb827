using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Passkeys;
using HelpdeskIdentity.Api.Accounts.TwoFactor;
using HelpdeskIdentity.Api.Admin;
using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Email;
using HelpdeskIdentity.Api.Health;
using HelpdeskIdentity.Api.Hosting;
using HelpdeskIdentity.Api.Localization;
using HelpdeskIdentity.Api.Messaging;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.Pages;
using HelpdeskIdentity.Api.Production;
using HelpdeskIdentity.Api.Proxies;
using HelpdeskIdentity.Api.RateLimiting;
using HelpdeskIdentity.Api.Telemetry;
using HelpdeskIdentity.Api.Tickets;

if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddProductionGuard(); // refuses development-only settings (mailbox, clients, issuer, key ring) outside Development, naming each

builder.AddTelemetry();
builder.AddData();          // first: the schema is migrated before anything consumes
builder.AddTickets();
builder.AddMessaging();
builder.AddOutbox();        // after the bus: the publisher starts once the bus is up
builder.AddEmail();         // the e-mail outbox and the dispatcher that sends it
builder.AddOidc();
builder.AddHealth();
builder.AddAccounts();      // Identity, password sign-in, the session cookie
builder.AddPasskeys();      // WebAuthn: the relying party (checked at start-up), sign-in, claim and the account's passkeys
builder.AddLanguages();     // en, nl, de, sv: ui_locales, the remembered choice, Accept-Language
builder.AddPages();         // sign-in pages, branding, antiforgery
builder.AddRateLimits();    // per client IP and per address on sign-in, forgot-password, set-password; counters in PostgreSQL
builder.AddProxies();       // X-Forwarded-For only from ForwardedHeaders:KnownProxies/KnownNetworks
builder.AddAdminApi();      // /admin/v1 for clients with identity.admin, the audit trail it reads, its OpenAPI document
builder.AddStartupMemoryRelease(); // once, seconds after start: one aggressive GC returns what start-up allocated and let go

var app = builder.Build();

app.UseProxies();           // first: everything after sees the real client
app.MapHealth();
app.UseMetadataCache();     // discovery and JWKS answered from memory, with the headers the pipeline below gave them
app.UseErrorPages();        // a readable page for a bare status code (not /connect, /health, /admin); before routing, which routes the re-executed request
app.UseHttpsPages();        // outside Development: /account/* over plain HTTP is the 403 page, not antiforgery's 500
app.UseAccountPostLimits(); // before anything reads a form: 413 for an /account/* post over 64 KB
app.UseRateLimits();        // after the error pages: a 429 gets the readable page
app.UseSecurityHeaders();   // on every answer, the guards' refusals and the cached metadata included
app.UseOidcGuards();        // CORS for registered origins, 400/413 for bad /connect/* forms: before OpenIddict reads a request
app.UseRouting();
app.UseLanguages();         // the request's culture: ui_locales, the remembered choice, Accept-Language
app.UseStaticFiles();
app.UseAuthentication();    // the session cookie, checked against its server-side row on every request; OpenIddict's endpoints
app.UseAuthorization();
app.UseAntiforgery();
app.MapPages();             // the Razor Pages and the brand colour
app.UseMiddleware<EnrolmentGate>(); // a second factor required by policy and missing: set one up before reaching a client
app.MapOidc();             // OpenIddict passes authorize, token, userinfo and end-session through to us
app.MapAdminApi();          // problem details for /admin, the OpenAPI document, the routes behind the identity.admin policy
app.MapEmail();             // the development mailbox (Development only)

await app.RunAsync();
return 0;
