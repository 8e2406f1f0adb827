namespace HelpdeskIdentity.Api.Data;

/// <summary>One ASP.NET Core Data Protection key (its XML), shared by every instance.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
