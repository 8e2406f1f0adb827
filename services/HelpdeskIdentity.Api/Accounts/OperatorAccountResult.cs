namespace HelpdeskIdentity.Api.Accounts;

/// <summary>The account an operator created, or why none was: the reasons are meant for the operator's terminal.</summary>
public sealed record OperatorAccountResult(Account? Account, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Account is not null;

    public static OperatorAccountResult Created(Account account) => new(account, []);

    public static OperatorAccountResult Refused(params string[] errors) => new(null, errors);
}
