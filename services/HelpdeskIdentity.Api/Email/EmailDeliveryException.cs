namespace HelpdeskIdentity.Api.Email;

/// <summary>A delivery attempt failed for a reason worth retrying; the message says what to check and never quotes an address or body.</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);
