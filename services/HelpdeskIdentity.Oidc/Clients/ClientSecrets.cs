using System.Security.Cryptography;
using System.Text;

namespace HelpdeskIdentity.Oidc.Clients;

/// <summary>
/// Client secrets are high-entropy random strings (at least 32 bytes), so a single SHA-256 is the
/// right hash: it cannot be brute-forced, and it keeps client authentication cheap enough for
/// thousands of tokens a second. Only the hash is stored; comparison is constant-time.
/// </summary>
public static class ClientSecrets
{
    public static string Hash(string secret) => Grants.Secrets.Hash(secret);

    public static bool Matches(string presented, IEnumerable<string> hashes)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var hash in hashes)
        {
            if (hash.Length == 64 && Convert.FromHexString(hash) is { } stored)
            {
                match |= CryptographicOperations.FixedTimeEquals(presentedHash, stored);
            }
        }

        return match;
    }
}
