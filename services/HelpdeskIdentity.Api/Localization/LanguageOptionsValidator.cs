using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Localization;

/// <summary>Checks <c>Languages</c>: the default is a language the pages speak.</summary>
internal sealed class LanguageOptionsValidator : OptionsValidator<LanguageOptions>
{
    protected override IEnumerable<(bool Holds, string Message)> Rules(LanguageOptions o)
    {
        yield return (Languages.Supported.Contains(o.Default), $"Languages:Default must be one of {string.Join(", ", Languages.Supported)}.");
    }
}
