using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HelpdeskIdentity.Api.Accounts.PasswordReset;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>Makes e-mailed sign-in codes for the forgot-password worker (<see cref="SignInCodes"/> checks them).</summary>
public sealed class SignInCodeIssuer(SignInCodeStore store, IOptions<AccountOptions> options, TimeProvider clock)
{
    private SignInCodeOptions Options => options.Value.SignInCode;

    /// <summary>Issues a new code for the account in the caller's transaction (replacing the one before) and returns it for the e-mail.</summary>
    public async Task<string> IssueAsync(NpgsqlConnection connection, Guid accountId, string? returnUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, Options.Digits)).ToString(new string('0', Options.Digits), CultureInfo.InvariantCulture);
        await store.ReplaceAsync(connection, accountId, Hash(accountId, code), PasswordResetTokens.AllowedReturnUrl(returnUrl), now, now + Options.Lifetime, cancellationToken);
        return code;
    }

    /// <summary>What is stored of a code: SHA-256 of the account id and the code, lower-case hex.</summary>
    internal static string Hash(Guid accountId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"{accountId:D}:{code}")));
}
