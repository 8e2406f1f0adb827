namespace HelpdeskIdentity.Api.Audit;

/// <summary>One row of <c>audit_events</c>: who, what, when, from where — never an address, a name, a password, a token or a link.</summary>
public sealed class AuditEventRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string Type { get; set; }

    public required string Outcome { get; set; }

    public Guid? AccountId { get; set; }

    public string? ClientId { get; set; }

    public string? SessionId { get; set; }

    public string? SourceIp { get; set; }

    public string? UserAgent { get; set; }

    public string? Detail { get; set; }
}
