namespace HelpdeskIdentity.Api.Accounts;

public enum PasswordSignInStatus
{
    /// <summary>Unknown address, unclaimed account or wrong password: deliberately one answer.</summary>
    Failed,

    LockedOut,

    Succeeded,
}
