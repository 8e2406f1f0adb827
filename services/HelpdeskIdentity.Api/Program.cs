using HelpdeskIdentity.Api.Cli;
using HelpdeskIdentity.Api.Data;
using HelpdeskIdentity.Api.Health;
using HelpdeskIdentity.Api.Messaging;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.Outbox;
using HelpdeskIdentity.Api.Telemetry;
using HelpdeskIdentity.Api.Tickets;
using HelpdeskIdentity.Oidc;

if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddTelemetry();
builder.AddData();          // first: the schema is migrated before anything consumes
builder.AddTickets();
builder.AddMessaging();
builder.AddOutbox();        // after the bus: the publisher starts once the bus is up
builder.AddOidc();
builder.AddHealth();

var app = builder.Build();

app.MapHealth();
app.MapOidc();

await app.RunAsync();
return 0;
