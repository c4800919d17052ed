namespace GanTuner.Neural.Kernels;

/// <summary>
/// A fixed team of threads that runs one body on every member and waits for all (fork/join) without
/// allocating per call. Member 0 is the calling thread. Which member does which work is decided by
/// the caller from the member index, so results never depend on scheduling.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier? _barrier;
    private Action<int>? _body;
    private Exception? _failure;
    private volatile bool _stopping;

    public WorkerTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        _threads = new Thread[size - 1];
        if (size == 1)
        {
            return;
        }

        _barrier = new Barrier(size);
        for (var i = 1; i < size; i++)
        {
            var member = i;
            _threads[i - 1] = new Thread(() => Loop(member)) { IsBackground = true, Name = $"gantuner-worker-{member}" };
            _threads[i - 1].Start();
        }
    }

    public int Size { get; }

    /// <summary>Runs <paramref name="body"/>(member) on every member; rethrows the first failure.</summary>
    public void Run(Action<int> body)
    {
        if (_barrier is null)
        {
            body(0);
            return;
        }

        _body = body;
        _barrier.SignalAndWait();
        RunMember(0);
        _barrier.SignalAndWait();
        _body = null;
        var failure = Interlocked.Exchange(ref _failure, null);
        if (failure is not null)
        {
            throw new InvalidOperationException("A worker thread failed.", failure);
        }
    }

    public void Dispose()
    {
        if (_barrier is null || _stopping)
        {
            return;
        }

        _stopping = true;
        _barrier.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _barrier.Dispose();
    }

    private void Loop(int member)
    {
        while (true)
        {
            _barrier!.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            RunMember(member);
            _barrier.SignalAndWait();
        }
    }

    private void RunMember(int member)
    {
#pragma warning disable CA1031 // A worker must not die silently: the failure is handed to the caller's thread.
        try
        {
            _body!(member);
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
        }
#pragma warning restore CA1031
    }
}
