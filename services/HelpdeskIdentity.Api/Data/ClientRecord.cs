namespace HelpdeskIdentity.Api.Data;

/// <summary>A row of <c>oidc_clients</c>, seeded from configuration at start-up.</summary>
public class ClientRecord
{
    public required string ClientId { get; set; }

    public required string DisplayName { get; set; }

    public required string ClientType { get; set; }

    public List<string> SecretHashes { get; set; } = [];

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    public List<string> AllowedCorsOrigins { get; set; } = [];

    public List<string> AllowedGrantTypes { get; set; } = [];

    public List<string> AllowedScopes { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
