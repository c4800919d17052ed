namespace GanTuner.Neural.Kernels;

/// <summary>
/// A fixed team of threads (member 0 is the caller) that run one job as a sequence of phases, each cut
/// into pieces of a few microseconds (one time step of one layer, split by hidden units). Members
/// claim the pieces of the current phase from a shared ticket and wait for the phase to complete
/// before the next; a piece is whatever the job says, so any member may run any piece.
/// </summary>
/// <remarks>
/// Why claiming rather than a fixed share and a barrier: on a machine with more runnable threads than
/// cores a partner is often descheduled for a whole time slice, and a barrier would wait for it at every
/// step. Here the caller simply claims the pieces nobody else took and goes on; a member that wakes late
/// finds the phases behind it complete and skips them. Callers make every piece's effect independent of
/// who runs it (fixed summation order per value), so results never depend on timing.
/// Between jobs an idle worker spins briefly, then sleeps on its own semaphore. Not reentrant.
/// </remarks>
internal sealed class SpinTeam : IDisposable
{
    // Spins before a waiting member starts yielding its core to others.
    private const int SpinsBeforeYield = 4000;

    // Spins of an idle worker before it sleeps: covers the optimizer step between two batches.
    private const int IdleSpins = 40000;

    // Spins a member waits for a piece's owner to claim it (a few microseconds) before taking it itself.
    private const int OwnerSpins = 200;

    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _wake;
    private readonly int[] _asleep;

    // Bits 32–63: job (even; odd = that job failed and was abandoned); 16–31: phase; 0–15: next piece.
    private long _ticket;
    private int _job;
    private int _completed;
    private int _inside;
    private Action<int, Cursor>? _body;
    private Exception? _failure;
    private volatile bool _stopping;

    public SpinTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        _threads = new Thread[size - 1];
        _wake = new SemaphoreSlim[size];
        _asleep = new int[size];
        for (var i = 1; i < size; i++)
        {
            var member = i;
            _wake[i] = new SemaphoreSlim(0);
            _threads[i - 1] = new Thread(() => Loop(member)) { IsBackground = true, Name = $"gantuner-team-{member}" };
            _threads[i - 1].Start();
        }
    }

    public int Size { get; }

    /// <summary>
    /// Runs <paramref name="body"/>(member, cursor) on the caller and on every worker that is awake for it;
    /// returns when the caller's run is done (then every phase is complete and no piece is running).
    /// Rethrows the first failure. The body must read the job's arguments only inside pieces it claimed.
    /// </summary>
    public void Run(Action<int, Cursor> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        _job += 2;
        var job = _job;
        _failure = null;
        _completed = 0;
        _body = body;
        // Publishing the ticket releases the job's fields to the workers.
        Volatile.Write(ref _ticket, (long)job << 32);
        for (var m = 1; m < Size; m++)
        {
            if (Interlocked.Exchange(ref _asleep[m], 0) == 1)
            {
                _wake[m].Release();
            }
        }

        try
        {
            body(0, new Cursor(this, job, 0));
        }
        catch (Exception ex) when (ex is not AbandonedException)
        {
            Abandon(job, ex);
        }
#pragma warning disable CA1031 // A worker's failure is reported here, on the caller's thread.
        catch (AbandonedException)
        {
        }
#pragma warning restore CA1031

        var failure = Interlocked.Exchange(ref _failure, null);
        if (failure is not null)
        {
            // A member may still be finishing a piece of the abandoned job; it must not count it in the next one.
            var spins = 0;
            while (Volatile.Read(ref _inside) > 0)
            {
                Pause(ref spins);
            }

            throw new InvalidOperationException("A training step failed.", failure);
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        Volatile.Write(ref _ticket, (long)(_job + 1) << 32);
        for (var m = 1; m < Size; m++)
        {
            _wake[m].Release();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        for (var m = 1; m < Size; m++)
        {
            _wake[m].Dispose();
        }
    }

    private static void Pause(ref int spins)
    {
        if (++spins < SpinsBeforeYield)
        {
            Thread.SpinWait(1);
        }
        else
        {
            Thread.Yield();
        }
    }

    private void Abandon(int job, Exception ex)
    {
        Interlocked.CompareExchange(ref _failure, ex, null);
        // An odd job number ends the job for everyone: waiting members see a ticket that is not theirs.
        Volatile.Write(ref _ticket, (long)(job + 1) << 32);
    }

    private void Loop(int member)
    {
        var seen = 0;
        while (!_stopping)
        {
            var spins = 0;
            while (JobOf(Volatile.Read(ref _ticket)) == seen && spins < IdleSpins && !_stopping)
            {
                spins++;
                Thread.SpinWait(1);
            }

            var job = JobOf(Volatile.Read(ref _ticket));
            if (job == seen || (job & 1) == 1)
            {
                // Announce the sleep, then look once more: a job published in between finds the flag and wakes us.
                seen = job;
                Volatile.Write(ref _asleep[member], 1);
                Interlocked.MemoryBarrier();
                if (JobOf(Volatile.Read(ref _ticket)) == seen && !_stopping)
                {
                    _wake[member].Wait();
                }

                Volatile.Write(ref _asleep[member], 0);
                continue;
            }

            seen = job;
            var body = Volatile.Read(ref _body);
            if (body is null)
            {
                continue;
            }

            // If the caller has moved on to a later job, this body's phases are not the ticket's and it falls through.
#pragma warning disable CA1031 // A member must not die silently: the failure is handed to the caller's thread.
            Interlocked.Increment(ref _inside);
            try
            {
                body(member, new Cursor(this, job, member));
            }
            catch (AbandonedException)
            {
            }
            catch (Exception ex)
            {
                Abandon(job, ex);
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
#pragma warning restore CA1031
        }
    }

    private static int JobOf(long ticket) => (int)(ticket >> 32);

    /// <summary>Thrown inside a member whose job ended (failed elsewhere, or finished without it): leaves the body.</summary>
    internal sealed class AbandonedException : Exception
    {
        public AbandonedException()
            : base("The job this team member was working on is over.")
        {
        }
    }

    /// <summary>
    /// A member's place in a job: which phase it is in. Every member enters the same phases in the same
    /// order; <c>for (var piece = cursor.Begin(n); piece &gt;= 0; piece = cursor.Next())</c> runs the pieces
    /// this member claims and returns when the whole phase is done. The default cursor (no team) runs
    /// every piece itself.
    /// </summary>
    internal struct Cursor
    {
        private readonly SpinTeam? _team;
        private readonly int _job;
        private readonly int _member;
        private int _phase;
        private int _pieces;
        private int _piece;
        private int _firstOwner;
        private int _ownerStep;

        internal Cursor(SpinTeam team, int job, int member)
        {
            _team = team;
            _job = job;
            _member = member;
            _phase = -1;
        }

        /// <summary>Members of the team (1 without one).</summary>
        public readonly int Size => _team?.Size ?? 1;

        /// <summary>Starts the next phase, cut into <paramref name="pieces"/> pieces; returns the first piece this member runs, or −1.</summary>
        public int Begin(int pieces) => BeginOwned(pieces, 0, 0);

        /// <summary>
        /// As <see cref="Begin"/>, but piece j belongs to member (<paramref name="firstOwner"/> + j·<paramref name="ownerStep"/>)
        /// mod the team's size: a member leaves the next piece to its owner for a few microseconds before
        /// taking it, so a member keeps working on the data it touched in earlier phases. Pieces are still
        /// claimed in order, so a piece that waits for an earlier one never waits for an unclaimed one.
        /// An owner step of 0 means no owners.
        /// </summary>
        public int BeginOwned(int pieces, int firstOwner, int ownerStep)
        {
            _phase++;
            _pieces = pieces;
            _firstOwner = firstOwner;
            _ownerStep = ownerStep;
            if (_team is null)
            {
                _piece = 0;
                return pieces > 0 ? 0 : -1;
            }

            return Claim();
        }

        /// <summary>Marks the current piece done and returns the next one, or −1 once the phase is complete.</summary>
        public int Next()
        {
            if (_team is null)
            {
                return ++_piece < _pieces ? _piece : -1;
            }

            var team = _team;
            if (Interlocked.Increment(ref team._completed) == _pieces)
            {
                team._completed = 0;
                Volatile.Write(ref team._ticket, ((long)_job << 32) | ((long)(_phase + 1) << 16));
            }

            return Claim();
        }

        /// <summary>
        /// Waits inside a piece until <paramref name="counter"/> reaches <paramref name="target"/>: a piece that
        /// trails an earlier piece of its phase (claimed before it, so running) through a progress counter.
        /// Throws <see cref="AbandonedException"/> if the job ended, so a failed partner cannot leave it waiting.
        /// </summary>
        public readonly void WaitFor(ref int counter, int target)
        {
            if (_team is null || Volatile.Read(ref counter) >= target)
            {
                return;
            }

            var team = _team;
            var spins = 0;
            while (Volatile.Read(ref counter) < target)
            {
                if (JobOf(Volatile.Read(ref team._ticket)) != _job)
                {
                    throw new AbandonedException();
                }

                Pause(ref spins);
            }
        }

        private readonly int Claim()
        {
            var team = _team!;
            var patience = _ownerStep == 0 ? 0 : OwnerSpins;
            while (true)
            {
                var ticket = Volatile.Read(ref team._ticket);
                var next = (int)(ticket & 0xFFFF);
                if (JobOf(ticket) != _job || (int)((ticket >> 16) & 0xFFFF) != _phase || next >= _pieces)
                {
                    Await();
                    return -1;
                }

                if (patience > 0 && OwnerOf(next, team.Size) != _member)
                {
                    patience--;
                    Thread.SpinWait(1);
                    continue;
                }

                if (Interlocked.CompareExchange(ref team._ticket, ticket + 1, ticket) == ticket)
                {
                    return next;
                }
            }
        }

        private readonly int OwnerOf(int piece, int size) => ((((_firstOwner + (piece * _ownerStep)) % size) + size) % size);

        /// <summary>Waits until every piece of the phase is done; throws <see cref="AbandonedException"/> if the job ended.</summary>
        private readonly void Await()
        {
            var team = _team!;
            var spins = 0;
            while (true)
            {
                var ticket = Volatile.Read(ref team._ticket);
                if (JobOf(ticket) != _job)
                {
                    throw new AbandonedException();
                }

                if ((int)((ticket >> 16) & 0xFFFF) != _phase)
                {
                    return;
                }

                Pause(ref spins);
            }
        }
    }
}
