using HelpdeskIdentity.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Hosting;

/// <summary>
/// The one collection after start-up (docs/decisions/0050) comes once the host has started and its delay has passed
/// on the clock, and only once; the fake clock is moved only after the service is known to wait on it.
/// </summary>
public sealed class StartupMemoryReleaseTests : IDisposable
{
    private readonly WatchedClock _clock = new();
    private readonly LogRecorder<StartupMemoryRelease> _log = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly StartupMemoryRelease _release;

    public StartupMemoryReleaseTests() => _release = new StartupMemoryRelease(_lifetime, new ConfigurationBuilder().Build(), _clock, _log);

    [Fact]
    public async Task AfterTheHostStarted_AndTheDelay_TheHeapIsCollectedOnce_AndSaysWhatItReleased()
    {
        await _release.StartAsync(TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _log.Entries.ShouldBeEmpty("the host has not started: start-up work is still to come");

        var collectionsBefore = GC.CollectionCount(GC.MaxGeneration);
        _lifetime.NotifyStarted();
        (await _clock.NextTimerAsync()).ShouldBe(StartupMemoryRelease.Delay);
        _log.Entries.ShouldBeEmpty("the delay has not passed");

        _clock.Advance(StartupMemoryRelease.Delay);
        await _release.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var entry = _log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldStartWith("Start-up memory released: GC heap committed ");
        GC.CollectionCount(GC.MaxGeneration).ShouldBeGreaterThan(collectionsBefore, "a full collection ran");
    }

    [Fact]
    public async Task SwitchedOffInTheHostsConfiguration_NothingIsCollectedOrLogged()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Runtime:ReleaseStartupMemory"] = "false" }).Build();
        using var off = new StartupMemoryRelease(_lifetime, configuration, _clock, _log);

        await off.StartAsync(TestContext.Current.CancellationToken);
        _lifetime.NotifyStarted();
        await off.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        off.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue("it ends at once, waiting on no timer");
        _log.Entries.ShouldBeEmpty();
    }

    public void Dispose()
    {
        _release.Dispose();
        _lifetime.StopApplication();
    }
}
