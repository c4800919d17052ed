namespace GanTuner.Neural.Kernels;

/// <summary>
/// Runs numbered chunks of work on a fixed team of threads (member 0 is the caller) and returns when
/// every chunk is done. Chunks are handed out one at a time, so a member that the OS has not scheduled
/// yet never holds up the others: on a busy machine the caller simply does more of the chunks itself.
/// Which member runs a chunk is therefore not fixed; callers that need reproducible results must make
/// each chunk's effect independent of the member (see <see cref="Lstm.LstmTrainer{T}"/>'s ordered merge).
/// Allocates nothing per run.
/// </summary>
internal sealed class ChunkScheduler : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim _wake = new(0);

    // Low 32 bits of a closed ticket: larger than any chunk count, so nothing more is handed out.
    private const long Closed = int.MaxValue;

    // High 32 bits: job generation; low 32 bits: next chunk to hand out, or Closed between jobs.
    private long _ticket = Closed;
    private int _generation;
    private int _chunks;
    private int _pending;
    private Action<int, int>? _body;
    private Exception? _failure;
    private volatile bool _stopping;

    public ChunkScheduler(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        _threads = new Thread[size - 1];
        for (var i = 1; i < size; i++)
        {
            var member = i;
            _threads[i - 1] = new Thread(() => Loop(member)) { IsBackground = true, Name = $"gantuner-worker-{member}" };
            _threads[i - 1].Start();
        }
    }

    public int Size { get; }

    /// <summary>Runs <paramref name="body"/>(chunk, member) for every chunk in [0, <paramref name="chunks"/>); rethrows the first failure.</summary>
    public void Run(int chunks, Action<int, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Size == 1 || chunks <= 1)
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                body(chunk, 0);
            }

            return;
        }

        _body = body;
        _chunks = chunks;
        _pending = chunks;
        var generation = ++_generation;
        // Publishing the ticket releases the job's fields to the workers.
        Volatile.Write(ref _ticket, (long)generation << 32);
        _wake.Release(Math.Min(Size - 1, chunks - 1));
        Work(0, generation);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _pending) > 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        // Close the job before the next one rewrites its fields: a member that wakes late must not
        // read this job's ticket together with the next job's chunk count.
        Volatile.Write(ref _ticket, ((long)generation << 32) | Closed);
        _body = null;
        var failure = Interlocked.Exchange(ref _failure, null);
        if (failure is not null)
        {
            throw new InvalidOperationException("A worker thread failed.", failure);
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (_threads.Length > 0)
        {
            _wake.Release(_threads.Length);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _wake.Dispose();
    }

    private void Loop(int member)
    {
        while (true)
        {
            _wake.Wait();
            if (_stopping)
            {
                return;
            }

            Work(member, (int)(Volatile.Read(ref _ticket) >> 32));
        }
    }

    private void Work(int member, int generation)
    {
        while (true)
        {
            var ticket = Volatile.Read(ref _ticket);
            var chunk = (int)(ticket & 0xFFFFFFFF);
            if ((int)(ticket >> 32) != generation || chunk >= Volatile.Read(ref _chunks))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _ticket, ticket + 1, ticket) != ticket)
            {
                continue;
            }

            // The job cannot change while one of its chunks is unfinished, so _body is this job's.
#pragma warning disable CA1031 // A worker must not die silently: the failure is handed to the caller's thread.
            try
            {
                _body!(chunk, member);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
#pragma warning restore CA1031
        }
    }
}
