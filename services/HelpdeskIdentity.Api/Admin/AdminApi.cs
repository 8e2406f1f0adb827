using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.Oidc;
using HelpdeskIdentity.Api.RateLimiting;
using HelpdeskIdentity.Api.Sessions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace HelpdeskIdentity.Api.Admin;

/// <summary>The admin API, <c>/admin/v1</c> (docs/decisions/0033), and its OpenAPI document at <c>/admin/openapi/v1.json</c>.</summary>
public static class AdminApi
{
    public const string Prefix = "/admin/v1";
    public const string DocumentPath = "/admin/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.AddAdminServices();
        builder.AddAdminAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "HelpdeskIdentity admin API", Version = "v1" };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = $"An access token of this service for the {AdminAuthentication.Scope} scope (client credentials).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>What the routes (and the CLI's account and audit commands) use, without HTTP.</summary>
    public static IHostApplicationBuilder AddAdminServices(this IHostApplicationBuilder builder)
    {
        builder.AddAudit();
        builder.Services.TryAddScoped<AdminAccounts>();
        builder.Services.TryAddScoped<PersonalDataExport>();
        builder.Services.TryAddSingleton<PersonalDataEraser>();
        builder.Services.TryAddSingleton<GrantRevocations>();
        builder.Services.TryAddSingleton<AccountSessions>();
        builder.Services.TryAddSingleton<RateLimitCounters>();
        builder.Services.TryAddSingleton<ClaimLinks>();
        return builder;
    }

    public static void MapAdminApi(this WebApplication app)
    {
        // A problem details body for a bare error status (an unknown route, a malformed request).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseStatusCodePages());
        app.MapOpenApi(DocumentPath);
        var admin = app.MapGroup(Prefix).RequireAuthorization(AdminAuthentication.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery();
        admin.MapAccountRoutes();
        admin.MapOrganizationRoutes();
        admin.MapAuditRoutes();
    }
}
