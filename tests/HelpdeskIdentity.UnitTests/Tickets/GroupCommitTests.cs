using HelpdeskIdentity.Api.Tickets;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Tickets;

/// <summary>
/// The group commit under ticket intake: a lone item goes at once, items that arrive while a commit runs share the
/// next one, a second commit runs beside the first only for a full group, and a failing group is run again item by item so only the bad item fails. Commits are held open by
/// barriers (task completion sources), never by waiting for time to pass.
/// </summary>
public sealed class GroupCommitTests
{
    private readonly List<IReadOnlyList<int>> _commits = [];
    private readonly List<TaskCompletionSource> _gates = [];

    [Fact]
    public async Task ALoneItem_IsCommittedAtOnce_InAGroupOfItsOwn()
    {
        var group = new GroupCommit<int, string>(items => Task.FromResult<IReadOnlyList<string>>(items.Select(i => $"done {i}").ToList()), 100, 2);

        (await group.AddAsync(7)).ShouldBe("done 7");
    }

    [Fact]
    public async Task ItemsArrivingWhileACommitRuns_ShareTheNextCommit_EachGetsItsOwnResult()
    {
        var group = new GroupCommit<int, string>(HeldCommitAsync, 100, 1);
        var first = group.AddAsync(1);
        await WaitForCommitsAsync(1);
        var waiting = Enumerable.Range(2, 5).Select(group.AddAsync).ToList();
        _gates[0].SetResult();
        await WaitForCommitsAsync(2);
        _gates[1].SetResult();

        (await first).ShouldBe("done 1");
        (await Task.WhenAll(waiting)).ShouldBe(["done 2", "done 3", "done 4", "done 5", "done 6"]);
        _commits.ShouldBe([[1], [2, 3, 4, 5, 6]]);
    }

    [Fact]
    public async Task AGroupThatFails_IsRunAgainItemByItem_AndOnlyTheBadItemFails()
    {
        var commits = new List<IReadOnlyList<int>>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var group = new GroupCommit<int, string>(async items =>
        {
            lock (commits)
            {
                commits.Add(items);
            }

            if (items.Contains(1))
            {
                started.SetResult();
                await gate.Task; // the first commit stays open while 2, 3 and 4 arrive
            }

            return items.Contains(3) ? throw new InvalidOperationException("item 3 is bad") : items.Select(i => $"done {i}").ToList();
        }, 100, 1);
        var first = group.AddAsync(1);
        await started.Task;
        var others = new[] { group.AddAsync(2), group.AddAsync(3), group.AddAsync(4) };
        gate.SetResult();

        (await first).ShouldBe("done 1");
        (await others[0]).ShouldBe("done 2");
        (await Should.ThrowAsync<InvalidOperationException>(others[1])).Message.ShouldBe("item 3 is bad");
        (await others[2]).ShouldBe("done 4");
        commits.ShouldBe([[1], [2, 3, 4], [2], [3], [4]]);
    }

    [Fact]
    public async Task NoMoreThanMaxBatchItems_GoInOneCommit()
    {
        var group = new GroupCommit<int, string>(HeldCommitAsync, 3, 1);
        var first = group.AddAsync(0);
        await WaitForCommitsAsync(1);
        var waiting = Enumerable.Range(1, 7).Select(group.AddAsync).ToList();
        for (var commit = 0; commit < 4; commit++)
        {
            await WaitForCommitsAsync(commit + 1);
            _gates[commit].SetResult();
        }

        await Task.WhenAll([first, .. waiting]);
        _commits.ShouldBe([[0], [1, 2, 3], [4, 5, 6], [7]]);
    }

    [Fact]
    public async Task ASecondCommit_StartsBesideTheRunningOne_OnlyOnceAFullGroupWaits()
    {
        var group = new GroupCommit<int, string>(HeldCommitAsync, 3, 2);
        var first = group.AddAsync(0);
        await WaitForCommitsAsync(1);
        var waiting = Enumerable.Range(1, 3).Select(group.AddAsync).ToList();

        // 1 and 2 alone did not start a commit of their own: the second commit, started while the first is still
        // open, holds all three.
        await WaitForCommitsAsync(2);
        _commits.ShouldBe([[0], [1, 2, 3]]);
        first.IsCompleted.ShouldBeFalse();
        _gates[1].SetResult();
        (await Task.WhenAll(waiting)).ShouldBe(["done 1", "done 2", "done 3"]);
        _gates[0].SetResult();
        (await first).ShouldBe("done 0");
    }

    private async Task<IReadOnlyList<string>> HeldCommitAsync(IReadOnlyList<int> items)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_commits)
        {
            _commits.Add(items);
            _gates.Add(gate);
        }

        await gate.Task;
        return items.Select(i => $"done {i}").ToList();
    }

    private async Task WaitForCommitsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (_commits)
            {
                if (_gates.Count >= count)
                {
                    return;
                }
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{count} commits started");
            await Task.Yield();
        }
    }
}
