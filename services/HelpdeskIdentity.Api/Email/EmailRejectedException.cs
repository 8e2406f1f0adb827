namespace HelpdeskIdentity.Api.Email;

/// <summary>The provider refused the e-mail for good (a bad request, a refused address): retrying cannot help.</summary>
public sealed class EmailRejectedException(string message) : Exception(message);
