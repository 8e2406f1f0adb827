using System.Threading.RateLimiting;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// The global limiter: per client IP for every limited post, chained with per address for the posts
/// that carry one, and with one budget per address for the posts that mail it (forgot-password and
/// register together). Fixed windows, no queue: a request over the limit is refused at once.
/// </summary>
public static class RateLimitPartitions
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options) =>
        PartitionedRateLimiter.CreateChained(PerClient(options), PerAddress(options), EmailsPerAddress(options));

    private static PartitionedRateLimiter<HttpContext> PerClient(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var policy = RateLimitedRequest.Policy(context.Request);
            var rule = policy switch
            {
                RateLimitedRequest.SignIn => options.SignInPerClient,
                RateLimitedRequest.ForgotPassword => options.ForgotPasswordPerClient,
                RateLimitedRequest.SetPassword => options.SetPasswordPerClient,
                RateLimitedRequest.Register => options.RegisterPerClient,
                RateLimitedRequest.ChangePassword => options.ChangePasswordPerClient,
                RateLimitedRequest.ChangeEmail => options.ChangeEmailPerClient,
                RateLimitedRequest.ConfirmEmail => options.ConfirmEmailPerClient,
                RateLimitedRequest.Token => options.TokenPerClient,
                _ => null,
            };
            return rule is null
                ? RateLimitPartition.GetNoLimiter("")
                : FixedWindow($"{policy} client {RateLimitPartitionKeys.Client(context)}", rule);
        });

    private static PartitionedRateLimiter<HttpContext> PerAddress(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var policy = RateLimitedRequest.Policy(context.Request);
            var rule = policy switch
            {
                RateLimitedRequest.SignIn => options.SignInPerAddress,
                RateLimitedRequest.ForgotPassword => options.ForgotPasswordPerAddress,
                RateLimitedRequest.Register => options.RegisterPerAddress,
                _ => null,
            };
            return rule is null || RateLimitPartitionKeys.Address(context.Request) is not { } address
                ? RateLimitPartition.GetNoLimiter("")
                : FixedWindow($"{policy} address {address}", rule);
        });

    private static PartitionedRateLimiter<HttpContext> EmailsPerAddress(RateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitedRequest.Policy(context.Request) is RateLimitedRequest.ForgotPassword or RateLimitedRequest.Register
            && RateLimitPartitionKeys.Address(context.Request) is { } address
                ? FixedWindow($"emails address {address}", options.EmailsPerAddress)
                : RateLimitPartition.GetNoLimiter(""));

    private static RateLimitPartition<string> FixedWindow(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
