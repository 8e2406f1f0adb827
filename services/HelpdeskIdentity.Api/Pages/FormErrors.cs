using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>The validation messages of a form field bound as <c>Input.{field}</c>, for the pages to show beside it.</summary>
public static class FormErrors
{
    /// <summary>Every message of the field, in order.</summary>
    public static IReadOnlyList<string> Of(ModelStateDictionary state, string field) =>
        state.TryGetValue($"Input.{field}", out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>The field's first message, or null.</summary>
    public static string? First(ModelStateDictionary state, string field) => Of(state, field) is [var first, ..] ? first : null;
}
