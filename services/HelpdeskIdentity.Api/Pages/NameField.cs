namespace HelpdeskIdentity.Api.Pages;

/// <summary>The name field of the set-password and account-name forms (<c>Shared/_NameField.cshtml</c>): its value, its message, and a hint.</summary>
public sealed record NameField(string? Value, string? Error, string? Hint);
