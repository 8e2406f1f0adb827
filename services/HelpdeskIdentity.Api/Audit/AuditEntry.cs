namespace HelpdeskIdentity.Api.Audit;

/// <summary>
/// What a feature tells <see cref="AuditTrail"/>; the time, source IP and user agent are added from the clock and the
/// current request. <paramref name="Detail"/> is a word chosen by code, never input and never personal data.
/// </summary>
public sealed record AuditEntry(
    string Type,
    Guid? AccountId,
    bool Succeeded = true,
    string? Detail = null,
    string? ClientId = null,
    string? SessionId = null)
{
    public string Outcome => Succeeded ? "success" : "failure";
}
