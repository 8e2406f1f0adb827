namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>
/// Client secrets are high-entropy random strings (at least 32 bytes), so a single SHA-256 is the right hash: it cannot
/// be brute-forced, and it keeps client authentication cheap enough for thousands of tokens a second. Only the hash is
/// configured and stored (<c>Oidc:Clients:N:SecretHashes</c>); the service compares in constant time.
/// </summary>
public static class ClientSecrets
{
    public static string Hash(string secret) => Grants.Secrets.Hash(secret);
}
