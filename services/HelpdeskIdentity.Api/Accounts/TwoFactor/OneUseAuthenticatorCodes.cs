using HelpdeskIdentity.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace HelpdeskIdentity.Api.Accounts.TwoFactor;

/// <summary>
/// The authenticator app's codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits; Otp.NET), each accepted once.
/// ASP.NET Identity's own provider accepts the same code again for as long as it is in its window, which RFC 6238
/// §5.2 and NIST SP 800-63B-4 forbid: a code seen over someone's shoulder would work a second time. Here a code is
/// accepted only if its step is later than the last accepted one, and that step is recorded in the same conditional
/// UPDATE — of two racing uses of one code, one wins (docs/decisions/0059). The window stays Identity's: two steps
/// either side, for clocks that drift and people who type slowly. The time is the wall clock, as on the person's phone
/// (and in Identity's provider): the service's <see cref="TimeProvider"/>, which tests move, is not the phone's.
/// </summary>
public sealed class OneUseAuthenticatorCodes(HelpdeskDbContext db) : IUserTwoFactorTokenProvider<Account>
{
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || !new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(DateTime.UtcNow, token, out var step, Window))
        {
            return false;
        }

        return await db.Database.ExecuteSqlAsync(
            $"UPDATE users SET authenticator_last_step = {step} WHERE id = {user.Id} AND (authenticator_last_step IS NULL OR authenticator_last_step < {step})") == 1;
    }
}
