using System.Runtime.Intrinsics;

namespace GanTuner.Neural.Lstm;

/// <summary>
/// How one trial's batches are spread over threads, and what that is expected to gain: the cost model
/// behind <see cref="LstmTrainer{T}"/>'s choice, public so that a scheduler running several trials at
/// once can weigh threads inside a trial (<see cref="Speedup"/>) against trials side by side.
/// </summary>
/// <param name="Kind">The plan.</param>
/// <param name="Threads">Threads the plan uses (1 for <see cref="ParallelPlanKind.Serial"/>).</param>
/// <param name="RowsPerChunk">Batch rows per chunk (padded to the SIMD width inside a workspace).</param>
/// <param name="EstimatedBatchSeconds">The model's time for one training batch under this plan.</param>
/// <param name="Speedup">The model's one-thread time divided by <paramref name="EstimatedBatchSeconds"/>.</param>
public sealed record ParallelPlan(ParallelPlanKind Kind, int Threads, int RowsPerChunk, double EstimatedBatchSeconds, double Speedup)
{
    /// <summary>Default cap on all workspaces together, as in <see cref="LstmTrainerOptions"/>.</summary>
    public const long DefaultMemoryBudgetBytes = 256L * 1024 * 1024;

    // A chunk's activations are written forward and read back in backward: keeping them within the
    // last-level cache is worth more than wider chunks (measured: batch 512 runs ~30 % faster in 64-row chunks).
    private const long ChunkCacheBytes = 8L * 1024 * 1024;

    // The model's constants, measured on the project's 2-core machines (AMD EPYC Zen 3 with AVX2, and a
    // Xeon with AVX-512 in a Firecracker VM; see bench/README.md): one core's matrix-product rate with
    // chunks of two or more SIMD vectors of rows, the factor a one-vector chunk runs at, one barrier, the
    // fixed cost of one layer's step (calls, loop set-up), the element-wise work per cell value and step,
    // a value one core wrote and another reads (a team shares one workspace: its caches trade lines;
    // this is what makes team plans lose on tiny layers), and the per-parameter cost of merging a chunk's
    // gradient or of an Adam step. The cross-core cost was 1.2 ns when fitted under a load of 2 on 2 cores;
    // 0.6 ns was fitted on the idle Xeon, where the Pipeline plan then beat one thread on 2 × 34 / 16 / 30 in 5
    // of 6 rounds with the kernels of that day, while 4 × 6 and 1-layer nets stayed on one thread.
    // The product rate with AVX-512 doubled when the gate products began reading W transposed and the weight
    // gradient packed, aligned tile panels (2026-12-04: one thread on 3 × 40 / 16 / 100 1.8× faster); at that
    // rate Pipeline no longer beats one thread on 2 × 34 / 16 / 30 (0.92×, three interleaved rounds) and the
    // model agrees. AVX2 kept its Zen 3 fit: its kernels gained 1.2–1.35× (measured on the Xeon with AVX-512
    // off), not re-measured on Zen 3. The wavefront's wait is one trailing layer catching up with the one it
    // follows, per step: fitted so that 2 × 12 / 16 / 85 stays on one thread (5 interleaved pairs, 1.0×)
    // while 2 × 34 / 16 / 30 (1.16–1.65×, median 1.31×, 8 pairs) and 5 × 48 / 16 / 60 (1.02–1.37× over
    // Pipeline, 8 of 8 pairs) take it.
    private static readonly double ProductFlopsPerSecond = Vector512.IsHardwareAccelerated ? 60e9 : 30e9;
    private const double OneVectorEfficiency = 0.85;
    private const double BarrierSeconds = 1.5e-6;
    private const double StepSeconds = 0.25e-6;
    private const double CrossSecondsPerValue = 0.6e-9;
    private const double CellSecondsPerValue = 1.2e-9;
    private const double WaitSeconds = 0.7e-6;
    private const double MergeSecondsPerParameter = 0.4e-9;
    private const double AdamSecondsPerParameter = 1.5e-9;

    /// <summary>
    /// The fastest plan by the cost model for <paramref name="spec"/> with batches of
    /// <paramref name="batch"/> windows of <paramref name="sequence"/> steps on at most
    /// <paramref name="threads"/> threads. Deterministic: the same arguments always give the same plan,
    /// so a seed and a thread count still fix a trial's bits.
    /// </summary>
    /// <param name="spec">The network's shape.</param>
    /// <param name="batch">Largest batch (rows).</param>
    /// <param name="sequence">Time steps per window.</param>
    /// <param name="threads">Threads available to this trial.</param>
    /// <param name="elementSize">Bytes per value (4 for float).</param>
    /// <param name="memoryBudgetBytes">Cap on all workspaces together.</param>
    /// <param name="kind">Forces a plan instead of the model's choice (null: choose).</param>
    public static ParallelPlan Choose(LstmSpec spec, int batch, int sequence, int threads, int elementSize = sizeof(float), long memoryBudgetBytes = DefaultMemoryBudgetBytes, ParallelPlanKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementSize);
        var lanes = Lanes(elementSize);
        var bytesPerRow = LstmWorkspace<float>.BytesPerRow(spec, sequence, elementSize);
        var serial = Estimate(ParallelPlanKind.Serial, spec, batch, sequence, 1, lanes, bytesPerRow, memoryBudgetBytes);
        if (kind is { } forced)
        {
            return Finish(Estimate(forced, spec, batch, sequence, forced == ParallelPlanKind.Serial ? 1 : threads, lanes, bytesPerRow, memoryBudgetBytes), serial);
        }

        var best = serial;
        if (threads > 1)
        {
            foreach (var candidate in new[] { ParallelPlanKind.Rows, ParallelPlanKind.Units, ParallelPlanKind.Pipeline, ParallelPlanKind.Wavefront })
            {
                var plan = Estimate(candidate, spec, batch, sequence, threads, lanes, bytesPerRow, memoryBudgetBytes);
                // A parallel plan must beat one thread clearly (the model is rough, and a second thread costs
                // the machine a core); among those that do, the fastest wins.
                if (plan.Threads > 1 && plan.EstimatedBatchSeconds < serial.EstimatedBatchSeconds * 0.9 && plan.EstimatedBatchSeconds < best.EstimatedBatchSeconds)
                {
                    best = plan;
                }
            }
        }

        return Finish(best, serial);
    }

    private static ParallelPlan Finish(ParallelPlan plan, ParallelPlan serial) =>
        plan with { Speedup = serial.EstimatedBatchSeconds / plan.EstimatedBatchSeconds };

    /// <summary>SIMD lanes of the narrowest vector the kernels run on, and of the widest.</summary>
    private static (int Granule, int Wide) Lanes(int elementSize)
    {
        var granule = Vector256.IsHardwareAccelerated ? 32 / elementSize : 1;
        var wide = Vector512.IsHardwareAccelerated ? 64 / elementSize : granule;
        return (granule, wide);
    }

    private static ParallelPlan Estimate(ParallelPlanKind kind, LstmSpec spec, int batch, int sequence, int threads, (int Granule, int Wide) lanes, long bytesPerRow, long budget)
    {
        var (granule, wide) = lanes;
        var padded = RoundUp(batch, granule);
        // Workspaces: one per thread for Rows, a single shared one otherwise.
        var workspaces = kind == ParallelPlanKind.Rows ? threads : 1;
        var affordable = budget / workspaces / bytesPerRow;
        var memoryCap = (int)Math.Max(granule, Math.Min(int.MaxValue / 2, affordable) / granule * granule);
        var cacheCap = (int)Math.Max(wide, ChunkCacheBytes / bytesPerRow / wide * wide);
        var rows = kind == ParallelPlanKind.Rows
            // A batch is split between threads only into chunks of at least the widest vector.
            ? Math.Min(padded, RoundUp((batch + threads - 1) / threads, wide))
            : padded;
        rows = Math.Min(Math.Min(rows, memoryCap), cacheCap);
        var chunks = (batch + rows - 1) / rows;
        var members = kind switch
        {
            ParallelPlanKind.Serial => 1,
            ParallelPlanKind.Rows => Math.Min(threads, chunks),
            ParallelPlanKind.Pipeline => threads,
            // A layer is a piece: threads beyond the layers would have nothing to do.
            ParallelPlanKind.Wavefront => Math.Min(threads, spec.Layers),
            // A team's ticket numbers a batch's phases in 16 bits.
            _ => LstmPass.Phases(spec, sequence) + 8 < ushort.MaxValue ? Math.Min(threads, spec.Hidden) : 1,
        };

        var parameters = spec.ParameterCount;
        var rate = ProductFlopsPerSecond * (rows / granule >= 2 || granule == 1 ? 1.0 : OneVectorEfficiency);
        var chunkProduct = ProductFlops(spec, sequence, rows) / rate;
        var chunkCell = (CellSecondsPerValue * spec.Layers * sequence * spec.Hidden * rows * 2) + (StepSeconds * spec.Layers * sequence * 2);
        // Values a team member reads that another wrote, per chunk: per layer and step about 12 H·r
        // (x_t, the gates and [x; h] for the weight gradient, ∂h, ∂x); under Units each step's h and δz.
        var crossed = CrossSecondsPerValue * 12.0 * spec.Layers * sequence * spec.Hidden * rows;
        // A team draws a chunk's dropout masks on one thread before its forward.
        var dropoutMasks = spec.Dropout > 0 ? CellSecondsPerValue * 0.5 * spec.Layers * sequence * spec.Hidden * rows : 0;
        double seconds;
        if (kind == ParallelPlanKind.Wavefront && members > 1)
        {
            seconds = chunks * (WavefrontChunkSeconds(spec, sequence, rows, members, rate) + dropoutMasks);
        }
        else if (kind == ParallelPlanKind.Pipeline && members > 1)
        {
            seconds = chunks * (PipelineChunkSeconds(spec, sequence, rows, members, rate) + crossed + dropoutMasks);
        }
        else if (kind == ParallelPlanKind.Units && members > 1)
        {
            // Every member does ceil(H / members) units; two barriers per layer and step, a few per layer.
            var share = (double)((spec.Hidden + members - 1) / members) / spec.Hidden;
            var barriers = (2.0 * spec.Layers * sequence) + (4 * spec.Layers) + 4;
            seconds = chunks * (((chunkProduct + chunkCell) * share) + (barriers * BarrierSeconds) + dropoutMasks + crossed);
        }
        else
        {
            var rounds = (chunks + members - 1) / members;
            seconds = (rounds * (chunkProduct + chunkCell)) + (members > 1 ? chunks * parameters * MergeSecondsPerParameter : 0);
        }

        seconds += parameters * AdamSecondsPerParameter;
        return new ParallelPlan(members > 1 ? kind : ParallelPlanKind.Serial, members, rows, seconds, 1.0);
    }

    /// <summary>
    /// One chunk under <see cref="ParallelPlanKind.Pipeline"/>: each phase lasts as long as its recurrence
    /// (which one thread runs) or its share of all the phase's work, whichever is longer; plus the
    /// barriers.
    /// </summary>
    private static double PipelineChunkSeconds(LstmSpec spec, int sequence, int rows, int threads, double rate)
    {
        var (h, g, top) = ((double)spec.Hidden, 4.0 * spec.Hidden, spec.Layers - 1);
        double Product(double inputs, int steps) => 2 * g * inputs * steps * rows / rate;
        var cell = (CellSecondsPerValue * sequence * h * rows) + (StepSeconds * sequence);
        double Phase(double chain, double others) => Math.Max(chain, (chain + others) / threads);

        var seconds = Product(spec.InputSize, sequence) / threads;
        for (var l = 0; l <= top; l++)
        {
            var next = l < top ? Product(spec.LayerInputs(l + 1), sequence) : 0;
            seconds += Phase(Product(h, sequence) + cell, next);
            var above = l < top ? Product(spec.LayerInputs(l + 1) + h, sequence) : 0;
            var dx = l > 0 ? Product(spec.LayerInputs(l), sequence) : 0;
            seconds += Phase(Product(h, sequence - 1) + cell, above + dx);
        }

        seconds += Product(spec.InputSize + h, sequence) / threads;
        return seconds + (LstmPipelinePass.Phases(spec) * BarrierSeconds);
    }

    /// <summary>
    /// One chunk under <see cref="ParallelPlanKind.Wavefront"/>: the layers run in rounds of as many as
    /// there are threads, each round as long as its longest layer (its weight gradient included, in
    /// backward) plus one step of lag per layer behind the first. Only an [H × r] block a step and layer
    /// boundary crosses cores.
    /// </summary>
    private static double WavefrontChunkSeconds(LstmSpec spec, int sequence, int rows, int threads, double rate)
    {
        var (h, g) = ((double)spec.Hidden, 4.0 * spec.Hidden);
        double Product(double inputs, int steps) => 2 * g * inputs * steps * rows / rate;
        var cell = (CellSecondsPerValue * sequence * h * rows) + (StepSeconds * sequence);
        var forward = new double[spec.Layers];
        var backward = new double[spec.Layers];
        for (var l = 0; l < spec.Layers; l++)
        {
            var inputs = spec.LayerInputs(l);
            forward[l] = Product(inputs, sequence) + Product(h, sequence) + cell;
            backward[l] = Product(h, sequence - 1) + cell + (l > 0 ? Product(inputs, sequence) : 0) + Product(inputs + h, sequence);
        }

        double Rounds(double[] chains, bool down)
        {
            var total = 0.0;
            for (var first = 0; first < chains.Length; first += threads)
            {
                var longest = 0.0;
                for (var j = first; j < Math.Min(chains.Length, first + threads); j++)
                {
                    var chain = chains[down ? chains.Length - 1 - j : j];
                    longest = Math.Max(longest, chain + ((j - first) * chain / sequence));
                }

                total += longest;
            }

            return total;
        }

        // x_t forward and ∂x_t backward cross between cores at each layer boundary and step.
        var crossed = CrossSecondsPerValue * 2.0 * (spec.Layers - 1) * sequence * h * rows;
        var waits = 2.0 * (spec.Layers - 1) * sequence * WaitSeconds;
        return Rounds(forward, down: false) + Rounds(backward, down: true) + crossed + waits + (LstmWavefrontPass.Phases * BarrierSeconds);
    }

    /// <summary>Multiply-add work (2 per multiply-add) of one training batch of <paramref name="rows"/> windows.</summary>
    private static double ProductFlops(LstmSpec spec, int sequence, int rows)
    {
        double total = 0;
        for (var l = 0; l < spec.Layers; l++)
        {
            var inputs = spec.LayerInputs(l);
            var gates = 4.0 * spec.Hidden;
            var perStep = (4 * gates * (inputs + spec.Hidden)) + (l > 0 ? 2 * gates * inputs : 0);
            total += (perStep * sequence) + (2 * gates * spec.Hidden * (sequence - 1));
        }

        return total * rows;
    }

    private static int RoundUp(int value, int granule) => (value + granule - 1) / granule * granule;
}
