using HelpdeskIdentity.Api.Accounts.TwoFactor;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>What a page says when a second-factor code is refused: the same words on the second step of sign-in, the two-step page and "confirm it's you".</summary>
internal static class SecondFactorRefusal
{
    /// <summary>Null when the code was accepted.</summary>
    public static string? Text(SecondFactorOutcome outcome) => outcome switch
    {
        SecondFactorOutcome.Wrong => TwoFactorText.CodeWrong,
        SecondFactorOutcome.LockedOut => PageText.LockedOut,
        _ => null,
    };
}
