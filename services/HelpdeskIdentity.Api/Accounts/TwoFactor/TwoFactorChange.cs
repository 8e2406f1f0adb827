namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>A change to an account's second factor that its owner is told about by e-mail.</summary>
public enum TwoFactorChange
{
    TurnedOn,
    TurnedOff,
    NewRecoveryCodes,
}
