namespace HelpdeskIdentity.Api.Sessions;

/// <summary>
/// How a person signed in, as RFC 8176 <c>amr</c> values recorded on the session (docs/decisions/0036, 0037): the one
/// place that names them. The OIDC layer copies them into the ID token.
/// </summary>
public static class AuthenticationMethods
{
    /// <summary>The session claim that holds them, one claim per value (OIDC <c>amr</c>).</summary>
    public const string Claim = "amr";

    /// <summary>A password.</summary>
    public const string Password = "pwd";

    /// <summary>A one-time code: e-mailed, from an authenticator app, or a recovery code.</summary>
    public const string OneTimeCode = "otp";

    /// <summary>An e-mailed sign-in code (a one-time code sent to the verified mailbox).</summary>
    public const string EmailCode = OneTimeCode;

    /// <summary>A passkey kept in software (synced, platform authenticator).</summary>
    public const string SoftwareKey = "swk";

    /// <summary>A passkey on a hardware security key.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>More than one factor: added whenever a second step was passed.</summary>
    public const string MultipleFactors = "mfa";

    /// <summary>Whether the method is a passkey (<see cref="HardwareKey"/> or <see cref="SoftwareKey"/>).</summary>
    public static bool IsPasskey(string method) => method is HardwareKey or SoftwareKey;
}
