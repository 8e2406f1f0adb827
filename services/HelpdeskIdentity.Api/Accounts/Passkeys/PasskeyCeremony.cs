namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// A started registration or sign-in: the options sent to the browser (the challenge among them, as JSON), what it
/// is for (<see cref="PasskeyPurposes"/>), and what it is bound to — the account and this browser's session (adding a
/// passkey), or the set-password link's hash (claiming with one). Stored under the hash of the browser cookie's handle.
/// </summary>
public sealed record PasskeyCeremony(string HandleHash, string Purpose, Guid? AccountId, string? Binding, string Options);

/// <summary>What a ceremony is for: a ceremony started for one never finishes another.</summary>
public static class PasskeyPurposes
{
    public const string SignIn = "sign-in";
    public const string Add = "add";
    public const string Claim = "claim";
}
