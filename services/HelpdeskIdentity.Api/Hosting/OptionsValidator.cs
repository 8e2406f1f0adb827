using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelpdeskIdentity.Api.Hosting;

/// <summary>
/// The one way an options type is checked: one <see cref="IValidateOptions{TOptions}"/> per type, listing its rules,
/// each message naming the setting it is about. Every broken rule is reported at once, at start-up.
/// </summary>
public abstract class OptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = Rules(options).Where(rule => !rule.Holds).Select(rule => rule.Message).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each rule and the message shown when it does not hold.</summary>
    protected abstract IEnumerable<(bool Holds, string Message)> Rules(TOptions options);
}

public static class OptionsValidatorExtensions
{
    /// <summary>Binds the section, adds its validator once (however many features ask) and checks it at start-up.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
