using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpdeskIdentity.IntegrationTests.Accounts.Passkeys;

/// <summary>
/// A WebAuthn authenticator in test code, as a browser with a passkey would answer: it makes a P-256 credential for the
/// options the service sent (attestation "none") and signs assertions with it, incrementing its counter. The JSON it
/// returns is what <c>PublicKeyCredential.toJSON()</c> posts. Parts can be made wrong on purpose to test refusals.
/// </summary>
public sealed class SoftwareAuthenticator(string origin, string rpId) : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, BackupEligibleFlag = 0x08, AttestedData = 0x40;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The user handle the service gave the credential when it was made.</summary>
    public byte[] UserHandle { get; private set; } = [];

    public uint Counter { get; private set; }

    /// <summary>Whether the credential says it may be synced (a multi-device passkey).</summary>
    public bool BackupEligible { get; init; }

    /// <summary>Whether the authenticator verifies the person (PIN, biometrics) and says so.</summary>
    public bool VerifiesUser { get; init; } = true;

    /// <summary>An authenticator for the integration host's origin and relying party.</summary>
    public static SoftwareAuthenticator ForTestHost(bool backupEligible = false) =>
        new(Infrastructure.IdentityHost.Issuer, new Uri(Infrastructure.IdentityHost.Issuer).Host) { BackupEligible = backupEligible };

    /// <summary>The answer to <c>navigator.credentials.create</c> with these options (their JSON).</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        UserHandle = Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var authenticatorData = AuthenticatorData((byte)(Flags() | AttestedData), [.. new byte[16], .. Length(CredentialId), .. CredentialId, .. CoseKey()]);
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();
        return Json(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>The answer to <c>navigator.credentials.get</c> with these options; <paramref name="challenge"/> signs another challenge instead.</summary>
    public string Get(string optionsJson, string? challenge = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        Counter++;
        var clientData = ClientData("webauthn.get", challenge ?? options["challenge"]!.GetValue<string>());
        var authenticatorData = AuthenticatorData(Flags(), []);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Json(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = Base64Url.EncodeToString(UserHandle),
        });
    }

    public void Dispose() => _key.Dispose();

    private byte Flags() => (byte)(UserPresent | (VerifiesUser ? UserVerified : 0) | (BackupEligible ? BackupEligibleFlag : 0));

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin, crossOrigin = false }));

    private byte[] AuthenticatorData(byte flags, byte[] attested)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attested];
    }

    private byte[] CoseKey()
    {
        var point = _key.ExportParameters(false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2); // kty: EC2
        cose.WriteInt32(3);
        cose.WriteInt32(-7); // alg: ES256
        cose.WriteInt32(-1);
        cose.WriteInt32(1); // crv: P-256
        cose.WriteInt32(-2);
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    private static byte[] Length(byte[] value)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)value.Length);
        return length;
    }

    private string Json(JsonObject response) => new JsonObject
    {
        ["id"] = Base64Url.EncodeToString(CredentialId),
        ["rawId"] = Base64Url.EncodeToString(CredentialId),
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();
}
