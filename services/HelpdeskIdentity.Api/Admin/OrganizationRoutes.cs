using System.Text.Json;
using HelpdeskIdentity.Api.Accounts;
using HelpdeskIdentity.Api.Accounts.Registration;
using HelpdeskIdentity.Api.Audit;
using HelpdeskIdentity.Api.MailAddresses;
using HelpdeskIdentity.Api.Organizations;
using Npgsql;

namespace HelpdeskIdentity.Api.Admin;

/// <summary><c>/admin/v1/organizations</c>: look-up by domain or id, list, add a domain, rename, switch self-registration.</summary>
internal static class OrganizationRoutes
{
    public static void MapOrganizationRoutes(this RouteGroupBuilder admin)
    {
        var organizations = admin.MapGroup("/organizations").WithTags("Organizations");
        organizations.MapGet("", ListAsync).WithName("FindOrganizations")
            .WithSummary("The organisation that owns a domain (?domain=), or every organisation (paged)");
        organizations.MapGet("/{id:guid}", GetAsync).WithName("GetOrganization").WithSummary("One organisation");
        organizations.MapPost("/{id:guid}/domains", AddDomainAsync).WithName("AddOrganizationDomain")
            .WithSummary("Lists another domain (a subdomain, a sister domain) under the organisation")
            .Accepts<AddDomainRequest>("application/json");
        organizations.MapPatch("/{id:guid}", ChangeAsync).WithName("ChangeOrganization")
            .WithSummary("Renames it and/or sets self-registration (true, false, or null = the configuration decides)")
            .Accepts<OrganizationPatch>("application/json");
    }

    private static async Task<IResult> ListAsync(string? domain, string? limit, string? cursor, OrganizationStore store, RegistrationRules rules,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        if (domain is not null)
        {
            if (DomainOf(domain) is not { } parsed)
            {
                return AdminProblems.Invalid("domain", "is not a domain name");
            }

            var found = await store.FindAsync(parsed, cancellationToken);
            await RecordAsync(audit, "organization.find_by_domain", cancellationToken);
            return TypedResults.Ok(new Page<OrganizationView>(found is null ? [] : [OrganizationView.Of(found, rules)], null));
        }

        var (size, badLimit) = PageRequest.Limit(limit);
        var (afterId, badCursor) = PageRequest.AfterId(cursor);
        if ((badLimit ?? badCursor) is { } problem)
        {
            return problem;
        }

        var page = await store.ListAsync(afterId, size, cancellationToken);
        await RecordAsync(audit, "organization.list", cancellationToken);
        return TypedResults.Ok(new Page<OrganizationView>(page.Select(o => OrganizationView.Of(o, rules)).ToList(),
            page.Count == size ? PageRequest.Encode(page[^1].Id.ToString()) : null));
    }

    private static async Task<IResult> GetAsync(Guid id, OrganizationStore store, RegistrationRules rules, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } organization)
        {
            return AdminProblems.NotFound("organisation");
        }

        await RecordAsync(audit, "organization.read", cancellationToken);
        return TypedResults.Ok(OrganizationView.Of(organization, rules));
    }

    private static async Task<IResult> AddDomainAsync(Guid id, HttpRequest request, OrganizationStore store, PublicMailDomains publicDomains,
        RegistrationRules rules, AuditTrail audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminJsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!body.TryGetProperty("domain", out var value) || AdminJsonBody.Text(value) is not { Length: > 0 and <= 253 } raw || DomainOf(raw) is not { } domain)
        {
            return AdminProblems.Invalid("domain", "is not a domain name");
        }

        if (publicDomains.IsPublic(domain))
        {
            return AdminProblems.Invalid("domain", "is a public mail provider's domain; it never belongs to an organisation");
        }

        try
        {
            return await store.AddDomainAsync(id, domain, cancellationToken, connection => RecordAsync(audit, "organization.add_domain", connection, cancellationToken))
                is { } organization
                ? TypedResults.Created($"{AdminApi.Prefix}/organizations/{id}", OrganizationView.Of(organization, rules))
                : AdminProblems.NotFound("organisation");
        }
        catch (InvalidOperationException taken)
        {
            return AdminProblems.Conflict(taken.Message);
        }
    }

    private static async Task<IResult> ChangeAsync(Guid id, HttpRequest request, OrganizationStore store, RegistrationRules rules, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminJsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        string? name = null;
        if (body.TryGetProperty("name", out var nameValue))
        {
            if (OrganizationName(nameValue) is not { } acceptable)
            {
                return AdminProblems.Invalid("name", "must be text of 1 to 253 characters, without control or invisible formatting characters");
            }

            name = acceptable;
        }

        var setSwitch = body.TryGetProperty("selfRegistration", out var switchValue);
        if (setSwitch && switchValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            return AdminProblems.Invalid("selfRegistration", "must be true, false or null (the configuration decides)");
        }

        bool? selfRegistration = setSwitch && switchValue.ValueKind != JsonValueKind.Null ? switchValue.GetBoolean() : null;
        return await store.ChangeAsync(id, name, setSwitch, selfRegistration, connection => RecordAsync(audit, "organization.change", connection, cancellationToken), cancellationToken)
            is { } organization
            ? TypedResults.Ok(OrganizationView.Of(organization, rules))
            : AdminProblems.NotFound("organisation");
    }

    /// <summary>
    /// The trimmed name when it is text a member's <c>organization</c> claim and the pages can show as it is: 1–253
    /// characters, no control or invisible formatting characters, no broken Unicode (which the JSON reader refuses to
    /// turn into a string); otherwise null.
    /// </summary>
    private static string? OrganizationName(JsonElement value)
    {
        var text = AdminJsonBody.Text(value)?.Trim() ?? "";
        return text.Length is > 0 and <= 253 && !UnicodeText.ContainsUnpairedSurrogate(text) && !UnicodeText.ContainsControlOrFormatCharacter(text)
            ? text
            : null;
    }

    private static string? DomainOf(string input) => input.Length <= 253 ? MailboxParser.Parse("x@" + input.Trim()).Mailbox?.Domain : null;

    private static Task RecordAsync(AuditTrail audit, string action, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, null, Detail: action), cancellationToken);

    private static Task RecordAsync(AuditTrail audit, string action, NpgsqlConnection connection, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(AuditEventTypes.AdminAction, null, Detail: action), connection, cancellationToken);
}

/// <summary>An organisation as the admin API shows it; <see cref="SelfRegistrationSetBy"/>: <c>operator</c> or <c>configuration</c>.</summary>
public sealed record OrganizationView(Guid Id, string Name, IReadOnlyList<string> Domains, long AccountCount, bool SelfRegistration,
    string SelfRegistrationSetBy, DateTimeOffset CreatedAt)
{
    public static OrganizationView Of(OrganizationSummary organization, RegistrationRules rules) =>
        new(organization.Id, organization.Name, organization.Domains, organization.Accounts,
            rules.SelfRegistrationOn(organization.Domains, organization.SelfRegistration),
            organization.SelfRegistration is null ? "configuration" : "operator", organization.CreatedAt);
}

public sealed record AddDomainRequest(string? Domain);

/// <summary>Both optional: <c>name</c>, and <c>selfRegistration</c> (true, false, or null to let the configuration decide).</summary>
public sealed record OrganizationPatch(string? Name, bool? SelfRegistration);
