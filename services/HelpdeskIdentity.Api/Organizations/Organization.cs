namespace HelpdeskIdentity.Api.Organizations;

/// <summary>A company, known by the e-mail domains its people write from.</summary>
public class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>An operator's self-registration switch; null when the Registration configuration decides.</summary>
    public bool? SelfRegistration { get; set; }

    public List<OrganizationDomain> Domains { get; } = [];
}
