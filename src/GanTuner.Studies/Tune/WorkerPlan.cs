using GanTuner.Neural.Lstm;
using GanTuner.Tuning;

namespace GanTuner.Studies.Tune;

/// <summary>
/// How many trials a tune runs side by side and how many threads each gets, chosen by the engine's own cost
/// model (<see cref="ParallelPlan.Choose"/>): threads inside a trial gain what the model says for each
/// configuration, trials side by side gain almost their number. The space is sampled at fixed points, so the
/// choice depends only on the space, the cores and the budget.
/// </summary>
/// <param name="Workers">Trials at once.</param>
/// <param name="ThreadsPerTrial">Threads each trial gets.</param>
/// <param name="Speedup">Expected study throughput over one trial at a time on one thread.</param>
/// <param name="OneWorkerSpeedup">The same for one trial at a time on every core, for comparison.</param>
public sealed record WorkerPlan(int Workers, int ThreadsPerTrial, double Speedup, double OneWorkerSpeedup)
{
    // Trials side by side share the memory bus and the last-level cache: measured 3.62-4.00 times for 4
    // (bench/GanTuner.WorkersBench), so each worker beyond the first is taken to give 95 % of a whole one.
    private const double SideBySideEfficiency = 0.95;

    private const int Samples = 64;

    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19];

    /// <summary>The plan with the shortest expected study for <paramref name="iterations"/> trials on <paramref name="cores"/> cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No cores or no iterations.</exception>
    public static WorkerPlan Choose(SearchSpace space, int cores, int iterations)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        var configs = Sample(space);
        var serial = configs.Sum(c => Seconds(c, 1));
        WorkerPlan? best = null;
        var oneWorker = double.NaN;
        for (var workers = 1; workers <= Math.Min(cores, iterations); workers++)
        {
            var threads = cores / workers;
            // Equal-length trials in rounds of `workers`; a last, partial round leaves workers idle.
            var rounds = (iterations + workers - 1) / workers;
            var perTrial = configs.Sum(c => Seconds(c, threads)) / configs.Count;
            var wall = rounds * perTrial * workers / (1 + ((workers - 1) * SideBySideEfficiency));
            var speedup = iterations * (serial / configs.Count) / wall;
            if (workers == 1)
            {
                oneWorker = speedup;
            }

            if (best is null || speedup > best.Speedup * 1.05)
            {
                best = new WorkerPlan(workers, threads, speedup, oneWorker);
            }
        }

        return best! with { OneWorkerSpeedup = oneWorker };
    }

    // Seconds per window of one training batch: an epoch's time is this times the windows, the same for every plan.
    private static double Seconds(TrialShape c, int threads) =>
        ParallelPlan.Choose(new LstmSpec(c.Layers, c.Units, c.Dropout), c.Batch, c.Sequence, threads).EstimatedBatchSeconds / c.Batch;

    private static List<TrialShape> Sample(SearchSpace space)
    {
        LstmParameters.RequireLstmSpace(space);
        var shapes = new List<TrialShape>(Samples);
        var point = new double[space.Dimensions];
        for (var i = 1; i <= Samples; i++)
        {
            for (var d = 0; d < point.Length; d++)
            {
                point[d] = Halton(i, Primes[d % Primes.Length]);
            }

            var config = LstmParameters.Config(space.Decode(point), 1, 0, 1);
            shapes.Add(new TrialShape(config.Layers, config.Units, config.BatchSize, config.SequenceLength, config.Dropout));
        }

        return shapes;
    }

    // The Halton sequence: evenly spread points with no random draw, so the plan needs no seed.
    private static double Halton(int index, int radix)
    {
        var result = 0.0;
        var fraction = 1.0 / radix;
        for (var i = index; i > 0; i /= radix, fraction /= radix)
        {
            result += fraction * (i % radix);
        }

        return result;
    }

    private readonly record struct TrialShape(int Layers, int Units, int Batch, int Sequence, double Dropout);
}
