using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Keys;

/// <summary>
/// The keys as of one moment: what signs, what validates (the published keys), every key ever stored
/// (only for recognising our own ID tokens as logout hints), and until when the answer holds.
/// </summary>
public sealed record SigningKeySet(
    SigningCredentials Signing,
    IReadOnlyList<SecurityKey> ValidationKeys,
    IReadOnlyList<SecurityKey> EveryKey,
    DateTimeOffset ValidUntil);
