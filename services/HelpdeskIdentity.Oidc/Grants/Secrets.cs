using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskIdentity.Oidc.Grants;

/// <summary>Opaque handles (codes, refresh tokens): 256 bits from the CSPRNG; stored only as SHA-256.</summary>
public static class Secrets
{
    /// <summary>Handles are 43 characters; anything longer than this was never issued here.</summary>
    public const int MaxHandleLength = 200;

    public static string NewHandle() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string handle) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));
}
