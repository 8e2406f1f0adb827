namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>What using a verification link did.</summary>
public enum RegistrationOutcome
{
    /// <summary>The account exists now, verified, with the password; <see cref="RegistrationResult.AccountId"/> says which.</summary>
    Created,

    /// <summary>The link stopped working meanwhile (used, voided, expired).</summary>
    LinkInvalid,

    /// <summary>The password policy refused the password; nothing changed and the link still works.</summary>
    PasswordRefused,

    /// <summary>The address got an account meanwhile (a ticket, an operator); nothing changed.</summary>
    AccountExists,

    /// <summary>The address may no longer register (the mode or its organisation's switch changed); nothing changed.</summary>
    NotAllowed,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, Guid? AccountId, IReadOnlyList<string> Errors)
{
    public static RegistrationResult Of(RegistrationOutcome outcome) => new(outcome, null, []);

    public static RegistrationResult Created(Guid accountId) => new(RegistrationOutcome.Created, accountId, []);

    public static RegistrationResult Refused(IEnumerable<string> errors) => new(RegistrationOutcome.PasswordRefused, null, [.. errors]);
}
