using Npgsql;

namespace HelpdeskIdentity.Api.Organizations;

/// <summary>Organisations as an operator sees and changes them (the CLI and the admin API).</summary>
public interface IOrganizationStore
{
    /// <summary>The organisation that owns exactly this domain (lower-case A-label), with its domains and how many accounts it has; or null.</summary>
    Task<OrganizationSummary?> FindAsync(string domain, CancellationToken cancellationToken);

    Task<OrganizationSummary?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Organisations in id order, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<OrganizationSummary>> ListAsync(Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Lists <paramref name="newDomain"/> under the organisation that owns <paramref name="domain"/>, serialised with intake's first
    /// sighting of a domain. Returns the organisation, or null when <paramref name="domain"/> has none; throws
    /// <see cref="InvalidOperationException"/> when <paramref name="newDomain"/> already belongs to an organisation.
    /// </summary>
    Task<OrganizationSummary?> AddDomainAsync(string domain, string newDomain, CancellationToken cancellationToken);

    /// <summary>As above, for the organisation with this id; <paramref name="alongside"/> runs in the same transaction (the audit event).</summary>
    Task<OrganizationSummary?> AddDomainAsync(Guid organizationId, string newDomain, CancellationToken cancellationToken, Func<NpgsqlConnection, Task>? alongside = null);

    /// <summary>
    /// Renames the organisation (when <paramref name="name"/> is given) and sets its self-registration switch (when
    /// <paramref name="setSwitch"/>; null = back to the configuration), with <paramref name="alongside"/> in the same transaction. Null when there is no such organisation.
    /// </summary>
    Task<OrganizationSummary?> ChangeAsync(Guid id, string? name, bool setSwitch, bool? selfRegistration, Func<NpgsqlConnection, Task> alongside, CancellationToken cancellationToken);
}
