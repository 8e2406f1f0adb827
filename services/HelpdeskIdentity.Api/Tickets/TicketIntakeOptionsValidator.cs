using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Tickets;

internal sealed class TicketIntakeOptionsValidator : IValidateOptions<TicketIntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketIntakeOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
