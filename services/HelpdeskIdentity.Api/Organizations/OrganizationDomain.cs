namespace HelpdeskIdentity.Api.Organizations;

/// <summary>One e-mail domain (lower-case ASCII form) of an organisation; a domain belongs to at most one.</summary>
public class OrganizationDomain
{
    public required string Domain { get; set; }

    public Guid OrganizationId { get; set; }
}
