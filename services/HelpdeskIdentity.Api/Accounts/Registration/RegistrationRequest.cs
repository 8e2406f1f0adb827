namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>
/// A register-page request waiting for the worker: the address as people read it (lower-case local part, Unicode
/// domain — one spelling per address), the name typed, where the user came from, and the page language.
/// </summary>
public sealed record RegistrationRequest(Guid Id, string Email, string DisplayName, string? ReturnUrl, string? Language) : IWorkerRequest;
