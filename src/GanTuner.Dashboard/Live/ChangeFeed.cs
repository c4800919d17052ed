namespace GanTuner.Dashboard.Live;

/// <summary>The store's version as the dashboard sees it: a number that grows by one each time the probe sees
/// a write. A background loop checks on a short interval and wakes every waiting event stream; readers also
/// check before answering, so an answer is never older than the last write the probe could see.</summary>
internal sealed class ChangeFeed : IDisposable
{
    private readonly IStoreChangeProbe _probe;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = NewSignal();
    private string? _lastToken;
    private long _version;
    private Task? _loop;

    public ChangeFeed(IStoreChangeProbe probe, TimeSpan interval)
    {
        _probe = probe;
        _interval = interval;
    }

    /// <summary>Cancelled when the server stops: event streams end on it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public long Version => Interlocked.Read(ref _version);

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Asks the store whether anything changed; returns the (possibly new) version.</summary>
    public long Check()
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            var token = _probe.Token();
            if (token != _lastToken)
            {
                _lastToken = token;
                Interlocked.Increment(ref _version);
                wake = _changed;
                _changed = NewSignal();
            }
        }

        wake?.TrySetResult();
        return Version;
    }

    /// <summary>Completes when the version is above <paramref name="seen"/> (at once if it already is).</summary>
    public Task WhenAfter(long seen, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (Version > seen)
            {
                return Task.CompletedTask;
            }

            signal = _changed.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing else escapes it.
        }

        lock (_gate)
        {
            _probe.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    Check();
                }
                catch (Exception e) when (e is Storage.StudyStoreException or Microsoft.Data.Sqlite.SqliteException or IOException)
                {
                    // A store that is briefly unreadable (a writer recovering the WAL) is looked at again next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
