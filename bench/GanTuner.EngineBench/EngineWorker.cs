using System.Diagnostics;
using System.Globalization;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Neural;
using GanTuner.Neural.Lstm;

namespace GanTuner.EngineBench;

/// <summary>
/// Times training batches of each configuration on the real windows, with whatever engine this binary
/// was built against (the bench builds the same source against an old commit too). Only the public
/// trainer API is used, so the file compiles against both engines.
/// </summary>
internal static class EngineWorker
{
    /// <summary>Prints one tab-separated RESULT line per configuration: label, key, threads, s/epoch, GFLOP/s, trainer threads, checksum, loss, CPU s/epoch.</summary>
    public static void Run(string label, string dataFile, int threads, IReadOnlyList<EngineConfig> configs, double workGflop)
    {
        var series = PriceCsvReader.ReadFile(dataFile);
        foreach (var config in configs)
        {
            var data = ForecastDataset.Build(series, new DatasetSpec(config.Sequence, Protocol.Paper));
            var train = data.Train;
            var random = new SeededRandom(0);
            var network = new LstmNetwork<float>(new LstmSpec(config.Layers, config.Units, config.Dropout));
            network.InitializeKeras(random.Derive("init"));
#if OLD_ENGINE
            var options = new LstmTrainerOptions(config.Sequence, config.Batch, new AdamOptions(0.001), threads, 7);
#else
            // GANTUNER_BENCH_PLAN=Serial|Rows|Units forces a plan, to time each plan against the cost model's choice.
            var options = new LstmTrainerOptions(config.Sequence, config.Batch, new AdamOptions(0.001), threads, 7, Plan: ForcedPlan());
#endif
            using var trainer = new LstmTrainer<float>(network, options);
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Derive("shuffle").Shuffle<int>(order);
            var perEpoch = train.Count / config.Batch;

            // The amount of work depends only on the configuration, so every engine times the same batches.
            var batches = (int)Math.Clamp(Math.Ceiling(workGflop * 1e9 / config.FlopsPerBatch(config.Batch)), 4, perEpoch);
            Batch(trainer, train, order, 0, Math.Min(3, perEpoch));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var loss = Batch(trainer, train, order, 0, batches);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var checksum = network.Parameters.Sum(p => (double)p);
            var flops = config.FlopsPerBatch(config.Batch) * batches;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"RESULT\t{label}\t{config.Key}\t{threads}\t{seconds / batches * perEpoch:R}\t{flops / seconds / 1e9:R}\t{trainer.Threads}\t{checksum:R}\t{loss:R}\t{cpuSeconds / batches * perEpoch:R}"));
        }
    }

#if !OLD_ENGINE
    private static ParallelPlanKind? ForcedPlan() =>
        Environment.GetEnvironmentVariable("GANTUNER_BENCH_PLAN") is { Length: > 0 } name ? Enum.Parse<ParallelPlanKind>(name, ignoreCase: true) : null;

#endif
    private static double Batch(LstmTrainer<float> trainer, WindowSplit train, int[] order, int first, int count)
    {
        var batch = trainer.Options.MaxBatchSize;
        var sum = 0.0;
        for (var b = first; b < first + count; b++)
        {
            sum += trainer.TrainBatch(train.Inputs, train.Targets, order.AsMemory(b * batch, batch));
        }

        return sum;
    }
}
