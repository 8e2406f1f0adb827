using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Sessions;

/// <summary>Checks <c>Acr</c>: the two acr values a session can claim.</summary>
internal sealed class AcrOptionsValidator : OptionsValidator<AcrOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(AcrOptions o)
    {
        yield return (!string.IsNullOrWhiteSpace(o.SingleFactor) && !string.IsNullOrWhiteSpace(o.MultiFactor) && o.SingleFactor != o.MultiFactor
            && !o.SingleFactor.Contains(' ', StringComparison.Ordinal) && !o.MultiFactor.Contains(' ', StringComparison.Ordinal),
            "Acr:SingleFactor and Acr:MultiFactor must be two different values without spaces.");
    }
}
