namespace HelpdeskIdentity.Api.Tickets;

/// <summary>
/// Group commit: callers hand in one item each and await its own result; items that arrive while a commit runs
/// wait for the next one, up to <c>maxBatch</c> items a commit and <c>maxCommits</c> commits at once. With no
/// commit running an item goes at once, alone — low latency when quiet, few transactions under load. Another commit
/// starts beside the running ones only once a full group (<c>maxBatch</c> items) waits: a commit has a fixed cost
/// (round trips, a WAL flush), so under load a running committer takes the items that came meanwhile in its next
/// group rather than a second committer taking them one by one. No item ever waits for a timer, only for the
/// commit before its own. A commit that throws with several items is repeated item by item, so one bad item never
/// fails the others.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit, int maxBatch, int maxCommits)
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _pending = new();
    private int _running;

    public Task<TResult> AddAsync(TItem item)
    {
        var pending = new Pending(item);
        bool start;
        lock (_gate)
        {
            _pending.Enqueue(pending);
            start = _running == 0 || (_running < maxCommits && _pending.Count >= maxBatch);
            if (start)
            {
                _running++;
            }
        }

        if (start)
        {
            // The committer serves every caller: it must not carry this caller's context (its activity, say) along.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(CommitWhilePendingAsync);
            }
        }

        return pending.Result.Task;
    }

    private async Task CommitWhilePendingAsync()
    {
        while (Take() is { } batch)
        {
            await CommitAsync(batch);
        }
    }

    private List<Pending>? Take()
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                _running--;
                return null;
            }

            var batch = new List<Pending>(Math.Min(_pending.Count, maxBatch));
            while (batch.Count < maxBatch && _pending.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            return batch;
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await commit(batch.Select(p => p.Item).ToList());
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"A commit of {batch.Count} items returned {results.Count} results.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            // Never let the committer die with a caller still waiting: the queue would stall.
            batch[0].Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
