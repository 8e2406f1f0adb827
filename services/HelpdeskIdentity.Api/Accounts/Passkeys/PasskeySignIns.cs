using Fido2NetLib;
using Fido2NetLib.Objects;
using HelpdeskIdentity.Api.Sessions;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// Signing in with a passkey (docs/decisions/0039): options without an address (discoverable credentials, user
/// verification preferred), then the assertion checked by Fido2 against the stored public key and counter, the
/// challenge of this browser's ceremony, the relying-party id and the allowed origins.
/// </summary>
public sealed partial class PasskeySignIns(
    IFido2 fido2, IPasskeyStore store, PasskeyCeremonies ceremonies, TimeProvider clock, ILogger<PasskeySignIns> logger)
{
    /// <summary>Starts a sign-in ceremony for this browser; returns the options for <c>navigator.credentials.get</c>.</summary>
    public async Task<string> BeginAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams { UserVerification = UserVerificationRequirement.Preferred });
        var json = options.ToJson();
        await ceremonies.StartAsync(context, PasskeyPurposes.SignIn, null, null, json, cancellationToken);
        return json;
    }

    /// <summary>The account the assertion proves and how (RFC 8176 <c>amr</c>); null when it proves nothing. The ceremony is spent either way.</summary>
    public async Task<PasskeyAssertion?> FinishAsync(HttpContext context, string? credentialJson, CancellationToken cancellationToken)
    {
        if (await ceremonies.TakeAsync(context, PasskeyPurposes.SignIn, cancellationToken) is not { } ceremony)
        {
            LogRefused("no sign-in ceremony of this browser (expired, used, or never started)");
            return null;
        }

        if (PasskeyCredentials.Assertion(credentialJson) is not { } response)
        {
            LogRefused("unreadable credential");
            return null;
        }

        if (await store.FindByCredentialIdAsync(response.RawId, cancellationToken) is not { } passkey)
        {
            LogRefused("unknown credential");
            return null;
        }

        try
        {
            var verified = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(ceremony.Options),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) =>
                    Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(PasskeyCredentials.UserHandle(passkey.AccountId))),
            }, cancellationToken);
            await store.RecordUseAsync(passkey.Id, verified.SignCount, clock.GetUtcNow(), cancellationToken);
            return new PasskeyAssertion(passkey.AccountId, Methods(passkey, PasskeyCredentials.UserVerified(response)));
        }
        catch (Exception e) when (PasskeyCredentials.IsRefusal(e))
        {
            LogRefusedFor(passkey.AccountId, e.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// How a passkey sign-in is recorded (RFC 8176): <c>swk</c> for a passkey that may be synced (backup eligible: the
    /// key also lives in software, in a cloud keychain), <c>hwk</c> for one bound to its authenticator; and <c>mfa</c>
    /// when the authenticator verified the person (PIN or biometrics) — a possession factor with a second one.
    /// </summary>
    public static IReadOnlyList<string> Methods(Passkey passkey, bool userVerified) =>
        [passkey.BackupEligible ? AuthenticationMethods.SoftwareKey : AuthenticationMethods.HardwareKey,
         .. userVerified ? [AuthenticationMethods.MultipleFactors] : Array.Empty<string>()];

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey sign-in refused ({Reason})")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: passkey sign-in refused ({Reason})")]
    private partial void LogRefusedFor(Guid accountId, string reason);
}

/// <summary>A passkey assertion that held: whose it is and how they signed in.</summary>
public sealed record PasskeyAssertion(Guid AccountId, IReadOnlyList<string> Methods);
