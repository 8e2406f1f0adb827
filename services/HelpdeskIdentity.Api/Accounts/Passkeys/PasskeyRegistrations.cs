using Fido2NetLib;
using Fido2NetLib.Objects;

namespace HelpdeskIdentity.Api.Accounts.Passkeys;

/// <summary>
/// Making a passkey for an account (on the account page, or instead of a password through a set-password link): the
/// options — a discoverable credential, user verification preferred, no attestation asked for, the account's passkeys
/// excluded — and the check of what the authenticator made, by Fido2 (docs/decisions/0039). Stores nothing itself.
/// </summary>
public sealed partial class PasskeyRegistrations(
    IFido2 fido2, IPasskeyStore store, PasskeyCeremonies ceremonies, TimeProvider clock, ILogger<PasskeyRegistrations> logger)
{
    /// <summary>Starts a ceremony bound to the account and <paramref name="binding"/>; returns the options for <c>navigator.credentials.create</c>.</summary>
    public async Task<string> BeginAsync(HttpContext context, string purpose, Account account, string binding, CancellationToken cancellationToken)
    {
        var existing = await store.ListAsync(account.Id, cancellationToken);
        var options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = PasskeyCredentials.UserHandle(account.Id), Name = account.Email!, DisplayName = account.DisplayName ?? account.Email! },
            ExcludeCredentials = [.. existing.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        await ceremonies.StartAsync(context, purpose, account.Id, binding, json, cancellationToken);
        return json;
    }

    /// <summary>
    /// The passkey the browser made, checked against this browser's ceremony (same purpose, account and binding) and not
    /// yet stored; null when anything does not hold — the ceremony is spent either way.
    /// </summary>
    public async Task<Passkey?> FinishAsync(HttpContext context, string purpose, Guid accountId, string binding, string? credentialJson, string name,
        CancellationToken cancellationToken)
    {
        var ceremony = await ceremonies.TakeAsync(context, purpose, cancellationToken);
        if (ceremony is null || ceremony.AccountId != accountId || !string.Equals(ceremony.Binding, binding, StringComparison.Ordinal))
        {
            LogRefused(accountId, "no ceremony of this browser for it");
            return null;
        }

        if (PasskeyCredentials.Attestation(credentialJson) is not { } response)
        {
            LogRefused(accountId, "unreadable credential");
            return null;
        }

        try
        {
            var made = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(ceremony.Options),
                IsCredentialIdUniqueToUserCallback = async (p, c) => !await store.CredentialIdExistsAsync(p.CredentialId, c),
            }, cancellationToken);
            var now = clock.GetUtcNow();
            return new Passkey(Guid.CreateVersion7(now), accountId, made.Id, made.PublicKey, made.SignCount,
                PasskeyCredentials.TransportNames(made.Transports), made.AaGuid, made.IsBackupEligible, name, now, null);
        }
        catch (Exception e) when (PasskeyCredentials.IsRefusal(e))
        {
            LogRefused(accountId, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: passkey registration refused ({Reason})")]
    private partial void LogRefused(Guid accountId, string reason);
}
