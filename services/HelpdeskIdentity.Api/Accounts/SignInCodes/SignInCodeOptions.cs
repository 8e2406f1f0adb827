namespace HelpdeskIdentity.Api.Accounts.SignInCodes;

/// <summary>Configuration section <c>Accounts:SignInCode</c>: "e-mail me a sign-in code" (docs/decisions/0036).</summary>
public sealed class SignInCodeOptions
{
    /// <summary>The operator's switch: false hides the choice on the sign-in page and answers its pages with 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Digits in a code, 6 to 8.</summary>
    public int Digits { get; set; } = 6;

    /// <summary>How long a code works (1 to 15 minutes).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes after which the code is void (1 to 10); a new one must be asked for.</summary>
    public int MaxAttempts { get; set; } = 5;
}
