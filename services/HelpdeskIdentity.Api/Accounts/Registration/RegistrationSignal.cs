using HelpdeskIdentity.Api.Hosting;

namespace HelpdeskIdentity.Api.Accounts.Registration;

/// <summary>Wakes the <see cref="RegistrationWorker"/> as soon as this instance accepted a register-page request.</summary>
public sealed class RegistrationSignal : WakeSignal;
