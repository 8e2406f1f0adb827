namespace HelpdeskIdentity.Api.Accounts.Passwords;

/// <summary>Every rule a candidate broke; accepted when there are none.</summary>
public sealed record PasswordVerdict(IReadOnlyList<PasswordViolation> Violations)
{
    public bool Accepted => Violations.Count == 0;

    public IEnumerable<string> Codes => Violations.Select(v => v.Code);
}
