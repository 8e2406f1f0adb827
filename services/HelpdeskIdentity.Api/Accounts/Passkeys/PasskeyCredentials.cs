using System.Security.Cryptography;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>What the browser's <c>PublicKeyCredential.toJSON()</c> posted, read without throwing; and the user handle of an account.</summary>
public static class PasskeyCredentials
{
    /// <summary>The longest credential JSON a form may carry (the account pages' posts are limited to 64 KiB in all).</summary>
    public const int MaxJsonLength = 32 * 1024;

    /// <summary>The WebAuthn user handle of an account: its id's 16 bytes (opaque, no personal data).</summary>
    public static byte[] UserHandle(Guid accountId) => accountId.ToByteArray();

    public static AuthenticatorAttestationRawResponse? Attestation(string? json) =>
        Read(json, text => JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(text)) is { RawId.Length: > 0, Response: not null } response
            ? response
            : null;

    public static AuthenticatorAssertionRawResponse? Assertion(string? json) =>
        Read(json, text => JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(text)) is { RawId.Length: > 0, Response: not null } response
            ? response
            : null;

    /// <summary>Whether the authenticator verified the person (PIN, biometrics) for this assertion: the UV flag.</summary>
    public static bool UserVerified(AuthenticatorAssertionRawResponse response)
    {
        try
        {
            return AuthenticatorData.Parse(response.Response.AuthenticatorData).UserVerified;
        }
        catch (Exception e) when (e is Fido2VerificationException or ArgumentException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The transports as WebAuthn names them (<c>usb</c>, <c>internal</c>, <c>hybrid</c>…).</summary>
    public static string[] TransportNames(AuthenticatorTransport[]? transports) =>
        transports is { Length: > 0 } ? JsonSerializer.Deserialize<string[]>(JsonSerializer.Serialize(transports)) ?? [] : [];

    /// <summary>Whether an exception from reading or verifying a credential means the browser sent something wrong (not a fault here).</summary>
    public static bool IsRefusal(Exception e) =>
        e is Fido2VerificationException or JsonException or ArgumentException or FormatException or InvalidOperationException
            or CryptographicException or System.Formats.Cbor.CborContentException or NotSupportedException or OverflowException or IndexOutOfRangeException;

    private static T? Read<T>(string? json, Func<string, T?> read)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxJsonLength)
        {
            return null;
        }

        try
        {
            return read(json);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return null;
        }
    }
}
