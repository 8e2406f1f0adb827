using System.Threading.RateLimiting;

namespace HelpdeskIdentity.Api.RateLimiting;

/// <summary>
/// The global limiter: per client IP for every limited post, chained with per address for the posts
/// that carry one, and with one budget per address for the posts that mail it (forgot-password and
/// register together; a sign-in code request counts as forgot-password). Fixed windows, no queue: a request
/// over the limit is refused at once. The windows are counted in PostgreSQL (<paramref name="shared"/>, shared
/// by every instance) or, with <c>RateLimits:Store</c> = <c>Memory</c>, in this process.
/// </summary>
public static class RateLimitPartitions
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options, RateLimitCounters? shared = null, ILogger? log = null)
    {
        Func<string, RateLimitRule, RateLimitPartition<string>> window = shared is null
            ? FixedWindow
            : (key, rule) => RateLimitPartition.Get(key, k => new SharedFixedWindowLimiter(shared, k, rule, log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        return PartitionedRateLimiter.CreateChained(PerClient(options, window), PerAddress(options, window), EmailsPerAddress(options, window));
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(RateLimitOptions options, Func<string, RateLimitRule, RateLimitPartition<string>> window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var policy = RateLimitedRequest.Budget(RateLimitedRequest.Policy(context.Request));
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
                RateLimitedRequest.PushedAuthorization => options.PushedAuthorizationPerClient,
                _ => null,
            };
            return rule is null
                ? RateLimitPartition.GetNoLimiter("")
                : window($"{policy} client {RateLimitPartitionKeys.Client(context)}", rule);
        });

    private static PartitionedRateLimiter<HttpContext> PerAddress(RateLimitOptions options, Func<string, RateLimitRule, RateLimitPartition<string>> window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var policy = RateLimitedRequest.Budget(RateLimitedRequest.Policy(context.Request));
            var rule = policy switch
            {
                RateLimitedRequest.SignIn => options.SignInPerAddress,
                RateLimitedRequest.ForgotPassword => options.ForgotPasswordPerAddress,
                RateLimitedRequest.Register => options.RegisterPerAddress,
                _ => null,
            };
            return rule is null || RateLimitPartitionKeys.Address(context.Request) is not { } address
                ? RateLimitPartition.GetNoLimiter("")
                : window(RateLimitPartitionKeys.PerAddress(policy, address), rule);
        });

    private static PartitionedRateLimiter<HttpContext> EmailsPerAddress(RateLimitOptions options, Func<string, RateLimitRule, RateLimitPartition<string>> window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitedRequest.Budget(RateLimitedRequest.Policy(context.Request)) is RateLimitedRequest.ForgotPassword or RateLimitedRequest.Register
            && RateLimitPartitionKeys.Address(context.Request) is { } address
                ? window($"emails address {RateLimitPartitionKeys.Mailbox(address)}", options.EmailsPerAddress)
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
