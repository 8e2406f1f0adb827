namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>A verification link that still works: its stored hash, the address and name to register, and the sign-in it continues.</summary>
public sealed record RegistrationLink(string TokenHash, string Email, string DisplayName, string? ReturnUrl);
