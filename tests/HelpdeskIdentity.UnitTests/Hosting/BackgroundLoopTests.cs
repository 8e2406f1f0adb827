using System.Threading.Channels;
using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Hosting;

/// <summary>
/// The loop every worker runs on: when its next pass comes (the interval, a signal, the back-off after a failure) is
/// read from the fake clock's time at each pass, never from sleeping; the clock is moved only once the loop is known
/// to wait on it (it has asked the clock for a timer).
/// </summary>
public sealed class BackgroundLoopTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(5);

    private readonly WatchedClock _clock = new();
    private readonly ProbeSignal _signal = new();
    private readonly LogRecorder<BackgroundLoopTests> _log = new();
    private readonly ProbeLoop _loop;

    public BackgroundLoopTests() => _loop = new ProbeLoop(_clock, _signal, _log);

    [Fact]
    public async Task WithNothingToWakeIt_TheNextPassComesAfterTheInterval_NotBefore()
    {
        await _loop.StartAsync(TestContext.Current.CancellationToken);
        var first = await _loop.NextPassAsync();
        (await _clock.NextTimerAsync()).ShouldBe(Interval);

        _clock.Advance(Interval - TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        (await _loop.NextPassAsync()).ShouldBe(first + Interval, "a pass that came sooner would carry the earlier time");
    }

    [Fact]
    public async Task ASignal_WakesTheLoopAtOnce()
    {
        await _loop.StartAsync(TestContext.Current.CancellationToken);
        var first = await _loop.NextPassAsync();
        (await _clock.NextTimerAsync()).ShouldBe(Interval);

        _signal.Notify();

        (await _loop.NextPassAsync()).ShouldBe(first, "the clock never moved: the signal, not the interval, ran the pass");
    }

    [Fact]
    public async Task AFailedPass_IsLogged_AndTriedAgainAfterTheBackOff_WhichNoSignalCutsShort()
    {
        _loop.FailuresToCome = 1;
        await _loop.StartAsync(TestContext.Current.CancellationToken);
        var failed = await _loop.NextPassAsync();
        (await _clock.NextTimerAsync()).ShouldBe(AfterFailure);

        var warning = _log.Entries.ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldBe("probe pass failed; will try again");
        warning.Exception.ShouldBeOfType<InvalidOperationException>();

        _signal.Notify();
        _clock.Advance(AfterFailure - TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        (await _loop.NextPassAsync()).ShouldBe(failed + AfterFailure);
    }

    [Fact]
    public async Task Stopping_EndsTheLoopQuietly_WhileItWaits()
    {
        await _loop.StartAsync(TestContext.Current.CancellationToken);
        await _loop.NextPassAsync();
        await _clock.NextTimerAsync();

        await _loop.StopAsync(TestContext.Current.CancellationToken);

        (_loop.ExecuteTask ?? throw new InvalidOperationException("The loop never started.")).IsCompletedSuccessfully.ShouldBeTrue();
        _loop.Stopped.ShouldBeTrue();
        _log.Entries.ShouldBeEmpty();
    }

    public async ValueTask DisposeAsync()
    {
        await _loop.StopAsync(CancellationToken.None);
        _loop.Dispose();
    }

    private sealed class ProbeSignal : WakeSignal;

    private sealed class ProbeLoop(WatchedClock clock, ProbeSignal signal, ILogger logger) : BackgroundLoop(clock, logger)
    {
        private readonly Channel<DateTimeOffset> _passes = Channel.CreateUnbounded<DateTimeOffset>();

        public int FailuresToCome { get; set; }

        public bool Stopped { get; private set; }

        protected override string Name => "probe pass";

        protected override TimeSpan Interval => BackgroundLoopTests.Interval;

        protected override TimeSpan AfterFailure => BackgroundLoopTests.AfterFailure;

        /// <summary>The clock's time at the next pass.</summary>
        public async Task<DateTimeOffset> NextPassAsync() =>
            await _passes.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        protected override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            _passes.Writer.TryWrite(Clock.GetUtcNow());
            return FailuresToCome-- > 0 ? throw new InvalidOperationException("the pass failed") : Task.CompletedTask;
        }

        protected override Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, Clock, cancellationToken);

        protected override ValueTask OnStoppedAsync()
        {
            Stopped = true;
            return ValueTask.CompletedTask;
        }
    }
}
