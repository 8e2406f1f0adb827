namespace HelpdeskIdentity.Api.Organizations;

/// <summary>Organisations as an operator sees and changes them (the admin API will use the same).</summary>
public interface IOrganizationStore
{
    /// <summary>The organisation that owns exactly this domain (lower-case A-label), with its domains and how many accounts it has; or null.</summary>
    Task<OrganizationSummary?> FindAsync(string domain, CancellationToken cancellationToken);

    /// <summary>
    /// Lists <paramref name="newDomain"/> under the organisation that owns <paramref name="domain"/>, serialised with intake's first
    /// sighting of a domain. Returns the organisation, or null when <paramref name="domain"/> has none; throws
    /// <see cref="InvalidOperationException"/> when <paramref name="newDomain"/> already belongs to an organisation.
    /// </summary>
    Task<OrganizationSummary?> AddDomainAsync(string domain, string newDomain, CancellationToken cancellationToken);
}
