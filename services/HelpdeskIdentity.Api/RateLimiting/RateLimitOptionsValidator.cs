using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>Fails start-up on a limit that is out of range, naming its configuration key.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        RateLimitingExtensions.FirstInvalid(options) is { } invalid
            ? ValidateOptionsResult.Fail($"{invalid.Key} {invalid.Problem}.")
            : ValidateOptionsResult.Success;
}
