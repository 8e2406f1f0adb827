using HelpdeskIdentity.Oidc.Grants;

namespace HelpdeskIdentity.Api.Accounts;

/// <summary>
/// The handles in e-mailed links (set password, confirm a new address): 256 random bits, base64url, the same
/// handles the protocol uses for codes and refresh tokens (<see cref="Secrets"/>). Only the SHA-256 is stored, and
/// links are looked up by that hash, so application code never compares handles and a copy of a table opens nothing.
/// </summary>
public static class LinkHandles
{
    private const int Length = 43; // base64url of 32 bytes, unpadded

    /// <summary>A fresh handle for the e-mail and the hash to store.</summary>
    public static (string Handle, string Hash) New()
    {
        var handle = Secrets.NewHandle();
        return (handle, Secrets.Hash(handle));
    }

    /// <summary>The hash to look a handle up by, or null when it cannot be one of ours (wrong length or characters).</summary>
    public static string? HashOf(string? handle) =>
        handle is { Length: Length } && handle.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? Secrets.Hash(handle) : null;
}
