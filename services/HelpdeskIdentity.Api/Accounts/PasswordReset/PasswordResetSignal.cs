using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Accounts.PasswordReset;

/// <summary>Wakes the <see cref="PasswordResetWorker"/> as soon as this instance accepted a forgot-password request.</summary>
public sealed class PasswordResetSignal : WakeSignal;
